import type { FinishReason } from "@/lib/providers/types";

const NATIVE = new Set(["end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal", "model_context_window_exceeded"]);
const FROM_FINISH: Record<FinishReason, string> = { stop: "end_turn", length: "max_tokens", tool_calls: "tool_use", content_filter: "refusal", error: "end_turn" };

/** Anthropic's own stop reason when the answer came from Anthropic, else the nearest one. */
export function toStopReason(finish: FinishReason | null, native?: string | null): string {
  if (native && NATIVE.has(native)) return native;
  return FROM_FINISH[finish ?? "stop"];
}
