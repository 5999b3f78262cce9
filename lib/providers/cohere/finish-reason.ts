import type { FinishReason } from "@/lib/providers/types";

// ERROR_TOXIC and ERROR_LIMIT are v1 values some deployments still send.
const MAP: Record<string, FinishReason> = {
  COMPLETE: "stop",
  STOP_SEQUENCE: "stop",
  MAX_TOKENS: "length",
  ERROR_LIMIT: "length",
  TOOL_CALL: "tool_calls",
  ERROR_TOXIC: "content_filter",
  ERROR: "error",
  TIMEOUT: "error",
};

/** Cohere's finish_reason as ours; a turn that called tools is `tool_calls` whatever Cohere says. */
export function mapCohereFinishReason(raw: string | null | undefined, hasToolCalls: boolean): FinishReason {
  const mapped = raw ? (MAP[raw] ?? "stop") : "stop";
  return hasToolCalls && mapped === "stop" ? "tool_calls" : mapped;
}
