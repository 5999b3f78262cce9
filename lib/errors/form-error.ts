import { ZodError } from "zod";
import { isGatewayError } from "./gateway-error";

/** What a dashboard form shows after its server action: a message, and the field it is about. */
export interface FormResult {
  ok?: boolean;
  message?: string;
  error?: string;
  field?: string;
  /** What the user typed (never a password), to put back in the form after an error. */
  values?: Record<string, string>;
}

/**
 * A validation or service error as a form result (`Email must be a valid email address`, next to
 * its field); anything else is unexpected and rethrown.
 */
export function formError(error: unknown, labels: Record<string, string> = {}): FormResult {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    return { error: field ? `${labels[field] ?? field} ${issue.message}.` : (issue?.message ?? "Invalid input."), field };
  }
  if (isGatewayError(error)) return { error: error.message.endsWith(".") ? error.message : `${error.message}.`, field: error.param };
  throw error;
}
