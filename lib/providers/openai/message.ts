import type { ChunkDelta, ReasoningDetail, ResponseMessage, ToolCall, ToolCallDelta } from "@/lib/providers/types";
import { openAiCitations } from "@/lib/providers/shared/citations";
import type { OpenAiWireMessage } from "./wire-schema";

type WireContent = OpenAiWireMessage["content"];

/** Text and thinking out of `content`, whether a string or Mistral-style typed parts. */
function splitContent(content: WireContent): { text: string | null; thinking: string } {
  if (content == null || typeof content === "string") return { text: content ?? null, thinking: "" };
  let text = "";
  let thinking = "";
  for (const part of content) {
    if (part.type === "thinking") {
      thinking += typeof part.thinking === "string" ? part.thinking : (part.thinking ?? []).map((t) => t.text ?? "").join("");
    } else if (typeof part.text === "string") text += part.text;
  }
  return { text, thinking };
}

/** DeepSeek and xAI say `reasoning_content`, OpenRouter says `reasoning`, Mistral puts it in content. */
function reasoningOf(message: OpenAiWireMessage, thinking: string): string | undefined {
  return message.reasoning || message.reasoning_content || thinking || undefined;
}

const detailsOf = (message: OpenAiWireMessage) => (message.reasoning_details?.length ? (message.reasoning_details as unknown as ReasoningDetail[]) : undefined);

/** A completion's message as ours: reasoning normalised, tool calls complete, refusals kept. */
export function toResponseMessage(message: OpenAiWireMessage | null | undefined): ResponseMessage {
  if (!message) return { role: "assistant", content: null };
  const { text, thinking } = splitContent(message.content);
  const toolCalls: ToolCall[] = (message.tool_calls ?? []).map((call, i) => ({
    id: call.id ?? `call_${i}`,
    type: "function",
    function: { name: call.function?.name ?? "", arguments: call.function?.arguments ?? "" },
  }));
  const reasoning = reasoningOf(message, thinking);
  const details = detailsOf(message);
  const annotations = openAiCitations(message.annotations);
  return {
    role: "assistant",
    content: text,
    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
    ...(reasoning ? { reasoning } : {}),
    ...(details ? { reasoning_details: details } : {}),
    ...(message.refusal ? { refusal: message.refusal } : {}),
    ...(annotations.length ? { annotations } : {}),
  };
}

/** A streamed delta as ours; tool-call fragments keep their index so clients can join them. */
export function toChunkDelta(delta: OpenAiWireMessage | null | undefined): ChunkDelta {
  if (!delta) return {};
  const { text, thinking } = splitContent(delta.content);
  const out: ChunkDelta = {};
  if (delta.role === "assistant") out.role = "assistant";
  if (text !== null) out.content = text;
  const reasoning = reasoningOf(delta, thinking);
  if (reasoning) out.reasoning = reasoning;
  const details = detailsOf(delta);
  if (details) out.reasoning_details = details;
  const annotations = openAiCitations(delta.annotations);
  if (annotations.length) out.annotations = annotations;
  if (delta.tool_calls?.length) out.tool_calls = delta.tool_calls.map((call, i): ToolCallDelta => {
    const fn = call.function;
    return {
      index: call.index ?? i,
      ...(call.id ? { id: call.id, type: "function" as const } : {}),
      ...(fn ? { function: { ...(fn.name ? { name: fn.name } : {}), ...(fn.arguments != null ? { arguments: fn.arguments } : {}) } } : {}),
    };
  });
  return out;
}
