import { z } from "zod";
import { badRequest } from "@/lib/errors/gateway-error";

export const MAX_MODEL_NAME_LENGTH = 256;

// What every model id in use is spelled with (`openai/gpt-4o`, `@cf/meta/llama-3.1-8b-instruct`,
// `ft:gpt-4o-mini:org:name:id`, `llama3.1:8b-q4_K_M`, `openai/gpt-4o:online`, Claude Code's
// `claude-opus-4-7[1m]`): visible ASCII an upstream's JSON, URL path and our answer's headers all
// carry as it is. No spaces, controls or quotes.
const MODEL_NAME = /^[A-Za-z0-9._:@+~=,/[\]-]+$/;

/** Why `name` cannot be a model name, or null when it can. */
export function modelNameProblem(name: string): string | null {
  if (name.length === 0) return "must name a model, e.g. 'openai/gpt-4o'";
  if (name.length > MAX_MODEL_NAME_LENGTH) return `must be at most ${MAX_MODEL_NAME_LENGTH} characters`;
  if (!MODEL_NAME.test(name)) return "may contain only letters, digits and . _ - : / @ + ~ = , [ ] (no spaces or control characters)";
  // A path segment that walks up or stays put would move a request built from it elsewhere on the host.
  if (name.split("/").some((segment) => segment === "." || segment === "..")) return "must not contain '.' or '..' as a path segment";
  return null;
}

/** A model name as a caller field: checked before anything is charged or sent upstream. */
export const modelNameSchema = z.string().superRefine((name, ctx) => {
  const problem = modelNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** The same check for a model named outside a JSON body (the Gemini path): a 400 for `param`. */
export function assertModelName(name: string, param = "model"): void {
  const problem = modelNameProblem(name);
  if (problem) throw badRequest(`Invalid request: '${param}' ${problem}`, param);
}
