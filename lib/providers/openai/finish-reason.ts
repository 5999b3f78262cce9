import type { FinishReason } from "@/lib/providers/types";

// OpenAI's own values, plus what OpenAI-compatible servers send instead of them.
const KNOWN: Record<string, FinishReason> = {
  stop: "stop",
  eos: "stop",
  end_turn: "stop",
  stop_sequence: "stop",
  length: "length",
  max_tokens: "length",
  model_length: "length",
  tool_calls: "tool_calls",
  function_call: "tool_calls",
  tool_use: "tool_calls",
  content_filter: "content_filter",
  safety: "content_filter",
  error: "error",
};

/** Normalised finish reason; the raw one goes to `native_finish_reason`. Unknown values count as a stop. */
export function mapOpenAiFinishReason(raw: string | null | undefined): FinishReason | null {
  if (!raw) return null;
  return KNOWN[raw.toLowerCase()] ?? "stop";
}
