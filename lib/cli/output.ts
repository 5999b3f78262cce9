import { ZodError } from "zod";
import { isGatewayError } from "@/lib/errors/gateway-error";

export interface Output {
  json: boolean;
  print(human: string, data: unknown): void;
}

export function createOutput(json: boolean, write: (text: string) => unknown = (text) => process.stdout.write(text + "\n")): Output {
  return { json, print: (human, data) => write(json ? JSON.stringify(data, null, 2) : human) };
}

/** A failure as one line a person can act on, with no stack. */
export function describeError(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
  }
  if (isGatewayError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
