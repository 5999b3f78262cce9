import type { FinishReason } from "@/lib/providers/types";

const MAP: Record<string, FinishReason> = {
  end_turn: "stop",
  stop_sequence: "stop",
  pause_turn: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_calls",
  refusal: "content_filter",
};

/** Anthropic's stop_reason normalised; the raw one goes to `native_finish_reason`. */
export function mapAnthropicStopReason(raw: string | null | undefined): FinishReason | null {
  return raw ? (MAP[raw] ?? "stop") : null;
}
