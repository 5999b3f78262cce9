import type { FinishReason } from "@/lib/providers/types";

const FROM_FINISH: Record<FinishReason, string> = { stop: "STOP", tool_calls: "STOP", length: "MAX_TOKENS", content_filter: "SAFETY", error: "OTHER" };
const NATIVE = new Set([
  "STOP", "MAX_TOKENS", "SAFETY", "RECITATION", "LANGUAGE", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII",
  "MALFORMED_FUNCTION_CALL", "IMAGE_SAFETY", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS",
]);

/** Gemini's own finish reason when the answer came from Gemini, else the nearest one (tool calls end in STOP). */
export function toGeminiFinishReason(finish: FinishReason | null, native?: string | null): string {
  if (native && NATIVE.has(native)) return native;
  return FROM_FINISH[finish ?? "stop"];
}
