import type { FinishReason } from "@/lib/providers/types";

// Safety, recitation, blocklist, PII and image-policy stops (and any future *_SAFETY / *_PROHIBITED_* value).
const FILTERED = /SAFETY|RECITATION|BLOCKLIST|PROHIBITED|SPII|JAILBREAK|MODEL_ARMOR/;

/**
 * Gemini's finishReason as ours. STOP is `tool_calls` when the turn called functions. Reasons that
 * mean the turn did not finish normally (OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, TOO_MANY_TOOL_CALLS,
 * unknown values) are `error`, so clients do not take a broken turn as complete; the raw value is kept beside.
 */
export function mapGeminiFinishReason(raw: string | null | undefined, hasToolCalls: boolean): FinishReason {
  if (!raw || raw === "STOP" || raw === "FINISH_REASON_UNSPECIFIED") return hasToolCalls ? "tool_calls" : "stop";
  if (raw === "MAX_TOKENS" || raw === "CONTINUATION") return "length";
  if (FILTERED.test(raw)) return "content_filter";
  return "error";
}
