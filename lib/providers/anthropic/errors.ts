import { parseJsonOr } from "@/lib/providers/shared/safe-json";

/** `{"type":"error","error":{"type","message"}}`, or plain text from a proxy in between. */
export function parseAnthropicErrorBody(status: number, body: string): { message: string; code?: string; type?: string } {
  const parsed = parseJsonOr(body, null) as { error?: { type?: unknown; message?: unknown } } | null;
  const error = parsed && typeof parsed === "object" ? parsed.error : undefined;
  if (error && typeof error.message === "string" && error.message) {
    const type = typeof error.type === "string" ? error.type : undefined;
    return { message: error.message, ...(type ? { type, code: type } : {}) };
  }
  return { message: body.trim().slice(0, 500) || `HTTP ${status}` };
}
