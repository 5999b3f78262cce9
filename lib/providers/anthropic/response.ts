import { GatewayError } from "@/lib/errors/gateway-error";
import { assistantMessage, singleChoiceResponse } from "@/lib/providers/shared/chat-response";
import type { ChatResponse, ReasoningDetail, ToolCall, UpstreamContext } from "@/lib/providers/types";
import { mapAnthropicStopReason } from "./finish-reason";
import { JSON_TOOL } from "./structured-output";
import { convertAnthropicUsage } from "./usage";
import { answerCitations } from "./web-search";
import { messageSchema, type ContentBlock } from "./wire-schema";

/** Thinking blocks as reasoning text plus the details (signatures, redacted data) needed to send them back. */
export function reasoningFrom(blocks: ContentBlock[]): { reasoning?: string; details: ReasoningDetail[] } {
  const details: ReasoningDetail[] = [];
  const texts: string[] = [];
  for (const block of blocks) {
    if (block.type === "thinking") {
      texts.push(block.thinking ?? "");
      details.push({ type: "reasoning.text", text: block.thinking ?? "", ...(block.signature ? { signature: block.signature } : {}), format: "anthropic" });
    }
    if (block.type === "redacted_thinking" && block.data) details.push({ type: "reasoning.encrypted", data: block.data, format: "anthropic" });
  }
  return { reasoning: texts.length ? texts.join("") : undefined, details };
}

const toolCallOf = (block: ContentBlock): ToolCall => ({
  id: block.id ?? "",
  type: "function",
  function: { name: block.name ?? "", arguments: JSON.stringify(block.input ?? {}) },
});

/** An Anthropic message as our completion; the JSON tool's input, when used, becomes the text answer. */
export function parseAnthropicChatResponse(body: unknown, ctx: UpstreamContext): ChatResponse {
  const parsed = messageSchema.safeParse(body);
  if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} returned an unexpected response`, { metadata: { provider: ctx.provider }, retryable: true });
  const message = parsed.data;
  const blocks = message.content ?? [];
  const json = blocks.find((b) => b.type === "tool_use" && b.name === JSON_TOOL);
  const text = json ? JSON.stringify(json.input ?? {}) : blocks.filter((b) => b.type === "text").map((b) => b.text ?? "").join("");
  const toolCalls = blocks.filter((b) => b.type === "tool_use" && b.name !== JSON_TOOL).map(toolCallOf);
  const { reasoning, details } = reasoningFrom(blocks);
  const finish = json ? "stop" : mapAnthropicStopReason(message.stop_reason);
  const annotations = json ? [] : answerCitations(blocks);
  const reply = { ...assistantMessage({ text, toolCalls, reasoning, details }), ...(annotations.length ? { annotations } : {}) };
  return singleChoiceResponse(ctx, message.model ?? ctx.model, reply, finish, message.stop_reason ?? null, convertAnthropicUsage(message.usage));
}
