import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { ResponseMessage, ToolCall } from "@/lib/providers/types";
import { tagSignature } from "./foreign-signature";

export type ThinkingBlock = { type: "thinking"; thinking: string; signature: string };
export type AnthropicContentBlock =
  | ThinkingBlock
  | { type: "redacted_thinking"; data: string }
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

/** A tool call's arguments as the object Anthropic's `input` must be. */
export function toolInput(args: string): Record<string, unknown> {
  const parsed = parseJsonOr(args || "{}", {});
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

export function toolUseBlock(call: ToolCall, position: number): AnthropicContentBlock {
  return { type: "tool_use", id: call.id || `toolu_${position}`, name: call.function.name, input: toolInput(call.function.arguments) };
}

/**
 * Reasoning details in order as thinking blocks: text pieces join until a signature closes the
 * block; encrypted pieces are redacted_thinking. Signatures without text take `reasoning`.
 */
export function thinkingBlocks(message: Pick<ResponseMessage, "reasoning" | "reasoning_details">): AnthropicContentBlock[] {
  const blocks: AnthropicContentBlock[] = [];
  let open: ThinkingBlock | null = null;
  const current = () => {
    if (!open || open.signature) blocks.push((open = { type: "thinking", thinking: "", signature: "" }));
    return open;
  };
  for (const detail of message.reasoning_details ?? []) {
    if (detail.type === "reasoning.encrypted") {
      if (detail.data) blocks.push({ type: "redacted_thinking", data: tagSignature(detail.data, detail.format) });
      open = null;
      continue;
    }
    if (detail.text) current().thinking += detail.text;
    if (detail.signature) current().signature = tagSignature(detail.signature, detail.format);
  }
  const thinking = blocks.filter((b): b is ThinkingBlock => b.type === "thinking");
  if (message.reasoning && !thinking.some((b) => b.thinking)) {
    if (thinking[0]) thinking[0].thinking = message.reasoning;
    else blocks.unshift({ type: "thinking", thinking: message.reasoning, signature: "" });
  }
  return blocks;
}

/** An assistant message as Anthropic content: thinking, then text (or the refusal), then tool uses. */
export function anthropicContent(message: ResponseMessage): AnthropicContentBlock[] {
  const text = message.content || message.refusal || "";
  return [
    ...thinkingBlocks(message),
    ...(text ? [{ type: "text" as const, text }] : []),
    ...(message.tool_calls ?? []).map(toolUseBlock),
  ];
}
