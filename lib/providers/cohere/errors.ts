import { parseJsonOr } from "@/lib/providers/shared/safe-json";

/** Cohere errors are `{"message": …}`, usually with a request `id`; anything else is kept as text. */
export function parseCohereErrorBody(status: number, body: string): { message: string } {
  const parsed = parseJsonOr(body, null) as { message?: unknown } | null;
  if (typeof parsed?.message === "string" && parsed.message) return { message: parsed.message };
  return { message: body.trim().slice(0, 500) || `HTTP ${status}` };
}
