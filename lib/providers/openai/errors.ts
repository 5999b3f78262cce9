import { parseJsonOr } from "@/lib/providers/shared/safe-json";

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** `{"error":{"message","type","code"}}`, a bare `{"message"}` or `{"detail"}`, an array of those, or plain text. */
export function parseOpenAiErrorBody(status: number, body: string): { message: string; code?: string; type?: string } {
  const parsed = parseJsonOr(body, null);
  const root = Array.isArray(parsed) ? parsed[0] : parsed;
  const error = root && typeof root === "object" && "error" in root ? (root as { error: unknown }).error : root;
  if (typeof error === "string" && error) return { message: error };
  if (error && typeof error === "object") {
    const { message, detail, code, type } = error as Record<string, unknown>;
    const found = text(message) ?? text(detail);
    if (found) return { message: found, ...(code != null && code !== "" ? { code: String(code) } : {}), ...(text(type) ? { type: text(type) } : {}) };
  }
  return { message: body.trim().slice(0, 500) || `HTTP ${status}` };
}
