import type { ChatMessage, ContentPart } from "@/lib/providers/types";
import { parseCallerJson } from "@/lib/providers/shared/safe-json";

export type AnthropicBlock = Record<string, unknown> & { type: string };

const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;

function imageBlock(url: string): AnthropicBlock {
  const data = url.match(DATA_URL);
  if (data) return { type: "image", source: { type: "base64", media_type: data[1], data: data[2] } };
  return { type: "image", source: { type: "url", url } };
}

function documentBlock(part: Extract<ContentPart, { type: "file" }>): AnthropicBlock[] {
  const data = part.file.file_data?.match(DATA_URL);
  return data ? [{ type: "document", source: { type: "base64", media_type: data[1], data: data[2] } }] : [];
}

/** User-side content as Anthropic blocks: text keeps cache_control, images by URL or base64; empty text is dropped. */
export function userBlocks(content: ChatMessage["content"]): AnthropicBlock[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return content ? [{ type: "text", text: content }] : [];
  return content.flatMap((part): AnthropicBlock[] => {
    if (part.type === "text") return part.text ? [{ type: "text", text: part.text, ...(part.cache_control ? { cache_control: part.cache_control } : {}) }] : [];
    if (part.type === "image_url") return [imageBlock(part.image_url.url)];
    if (part.type === "file") return documentBlock(part);
    return [];
  });
}

/**
 * Thinking Anthropic signed earlier, to hand back. A detail with a signature but no text (our
 * streamed shape) carries the message's whole reasoning; unsigned fragments cannot be sent back.
 */
function thinkingBlocks(message: ChatMessage): AnthropicBlock[] {
  return (message.reasoning_details ?? []).flatMap((detail): AnthropicBlock[] => {
    if (detail.format && detail.format !== "anthropic") return [];
    if (detail.type === "reasoning.encrypted" && detail.data) return [{ type: "redacted_thinking", data: detail.data }];
    if (detail.type === "reasoning.text" && detail.signature) return [{ type: "thinking", thinking: detail.text || message.reasoning || "", signature: detail.signature }];
    return [];
  });
}

/** Thinking first (Anthropic requires it), then text, then tool uses with their arguments parsed. */
export function assistantBlocks(message: ChatMessage): AnthropicBlock[] {
  const tools = (message.tool_calls ?? []).map((call) => {
    const input = parseCallerJson(call.function.arguments || "{}", {}, `Tool call ${call.function.name}'s arguments`);
    return { type: "tool_use", id: call.id, name: call.function.name, input: input && typeof input === "object" && !Array.isArray(input) ? input : {} };
  });
  return [...thinkingBlocks(message), ...userBlocks(message.content), ...tools];
}

/** A `tool` message as the tool_result block answering its call. */
export function toolResultBlock(message: ChatMessage): AnthropicBlock {
  const content = typeof message.content === "string" ? message.content : userBlocks(message.content);
  return { type: "tool_result", tool_use_id: message.tool_call_id ?? "", ...(content.length ? { content } : {}) };
}

/** System and developer messages' text, as the top-level `system` blocks (cache_control kept). */
export function systemTextBlocks(content: ChatMessage["content"]): AnthropicBlock[] {
  return userBlocks(content).filter((block) => block.type === "text");
}
