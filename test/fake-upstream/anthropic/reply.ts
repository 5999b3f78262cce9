import { decideReply, textOf, type Reply } from "../conversation";
import { toolCallId } from "../ids";
import type { Body } from "../types";

/** A fixed, realistic-looking signature; the gateway must hand it back unchanged on the next turn. */
export const THINKING_SIGNATURE = "EqQBCkYIARgCIkBmYWtlLXNpZ25hdHVyZQ==";

const hasToolResult = (m: Body) => Array.isArray(m.content) && m.content.some((b: Body) => b.type === "tool_result");

function forcedTool(choice: Body | undefined): string | undefined {
  if (choice?.type === "any") return "any";
  return choice?.type === "tool" ? choice.name : undefined;
}

/** The prompt size input_tokens and count_tokens both derive from. */
export const promptChars = (body: Body) => JSON.stringify(body.messages ?? []).length + JSON.stringify(body.system ?? "").length;

/** Reads a Messages request into the shared deterministic reply. */
export function replyFor(body: Body): Reply {
  const messages: Body[] = Array.isArray(body.messages) ? body.messages : [];
  const last = messages.at(-1);
  const results = (Array.isArray(last?.content) ? last.content : []).filter((b: Body) => b.type === "tool_result").map((b: Body) => textOf(b.content));
  const lastUser = [...messages].reverse().find((m) => m.role === "user" && !hasToolResult(m));
  return decideReply({
    lastUserText: textOf(lastUser?.content),
    toolNames: (body.tools ?? []).map((t: Body) => t.name).filter(Boolean),
    forcedTool: forcedTool(body.tool_choice),
    toolsDisabled: body.tool_choice?.type === "none",
    toolResult: results.length ? [...new Set(results)].join("; ") : null,
    wantsThinking: body.thinking?.type === "enabled" || body.thinking?.type === "adaptive",
    maxTokens: body.max_tokens,
    promptChars: promptChars(body),
  });
}

/** The content blocks of the reply: thinking (signed), text, tool_use. */
export function contentBlocks(reply: Reply): Body[] {
  const blocks: Body[] = [];
  if (reply.thinking) blocks.push({ type: "thinking", thinking: reply.thinking, signature: THINKING_SIGNATURE });
  if (reply.text) blocks.push({ type: "text", text: reply.text });
  reply.toolCalls.forEach((call, i) => blocks.push({ type: "tool_use", id: toolCallId("toolu_", i, call.arguments.city), name: call.name, input: call.arguments }));
  return blocks;
}

export const stopReason = (reply: Reply) => (reply.toolCalls.length ? "tool_use" : reply.truncated ? "max_tokens" : "end_turn");

export const usageOf = (reply: Reply) => ({
  input_tokens: reply.promptTokens,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  output_tokens: reply.completionTokens + reply.thinkingTokens,
  service_tier: "standard",
});
