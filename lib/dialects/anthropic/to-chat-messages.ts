import type { ChatMessage, ContentPart, ReasoningDetail, ToolCall } from "@/lib/providers/types";
import { contentParts, simplified } from "./content-parts";
import { untagSignature } from "./foreign-signature";
import type { AnthropicMessageParam, InboundBlock } from "./schema";

type ToolResult = Extract<InboundBlock, { type: "tool_result" }>;

/** Our messages carry no error flag, so a failed tool's output says so in words. */
function errorMarked(content: ChatMessage["content"]): ChatMessage["content"] {
  if (typeof content === "string") return /^error\b/i.test(content) ? content : `Error: ${content}`;
  return [{ type: "text", text: "Error:" }, ...(content ?? [])];
}

function toolMessage(block: ToolResult): ChatMessage {
  const parts = typeof block.content === "string" ? block.content : simplified((block.content ?? []).flatMap(contentParts));
  return { role: "tool", tool_call_id: block.tool_use_id, content: block.is_error ? errorMarked(parts) : parts };
}

/** Tool results first, each its own tool message as our shape requires, then the user's other blocks. */
function userMessages(content: AnthropicMessageParam["content"], role: "user" | "system"): ChatMessage[] {
  if (typeof content === "string") return [{ role, content }];
  const results = content.filter((b): b is ToolResult => b.type === "tool_result").map(toolMessage);
  const parts: ContentPart[] = content.flatMap(contentParts);
  return [...results, ...(parts.length ? [{ role, content: simplified(parts) }] : [])];
}

function reasoningDetail(block: InboundBlock): ReasoningDetail[] {
  if (block.type === "thinking") {
    const { value, format } = untagSignature(block.signature);
    return [{ type: "reasoning.text", text: block.thinking, ...(value ? { signature: value } : {}), format }];
  }
  if (block.type !== "redacted_thinking") return [];
  const { value, format } = untagSignature(block.data);
  return [{ type: "reasoning.encrypted", data: value, format }];
}

/** Text joined as one reply; tool uses as tool calls; thinking kept with its signatures for the next turn. */
function assistantMessage(content: AnthropicMessageParam["content"]): ChatMessage {
  if (typeof content === "string") return { role: "assistant", content };
  const text = content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("");
  const toolCalls: ToolCall[] = content.flatMap((b) =>
    b.type === "tool_use" ? [{ id: b.id, type: "function" as const, function: { name: b.name, arguments: JSON.stringify(b.input) } }] : [],
  );
  const details = content.flatMap(reasoningDetail);
  const reasoning = content.flatMap((b) => (b.type === "thinking" ? [b.thinking] : [])).join("");
  return {
    role: "assistant",
    content: text || (toolCalls.length ? null : ""),
    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
    ...(reasoning ? { reasoning } : {}),
    ...(details.length ? { reasoning_details: details } : {}),
  };
}

export function toChatMessages(messages: AnthropicMessageParam[]): ChatMessage[] {
  return messages.flatMap((m) => (m.role === "assistant" ? [assistantMessage(m.content)] : userMessages(m.content, m.role)));
}
