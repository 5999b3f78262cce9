import { decideReply, textOf, type Reply } from "../conversation";
import { toolCallId } from "../ids";
import type OpenAI from "openai";
import type { Body } from "../types";
import { openAiAnnotations, openAiWantsSearch, searchedAnswer } from "../web-search";

function forcedTool(choice: unknown): string | undefined {
  if (choice === "required") return "any";
  return (choice as Body | undefined)?.function?.name;
}

/** Reads a chat.completions request into the shared deterministic reply. */
export function replyFor(body: Body): Reply {
  const messages: Body[] = Array.isArray(body.messages) ? body.messages : [];
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const last = messages.at(-1);
  const effort = body.reasoning_effort ?? body.reasoning?.effort ?? (body.reasoning ? "medium" : undefined);
  return decideReply({
    lastUserText: textOf(lastUser?.content),
    toolNames: (body.tools ?? []).map((t: Body) => t.function?.name).filter(Boolean),
    forcedTool: forcedTool(body.tool_choice),
    toolsDisabled: body.tool_choice === "none",
    toolResult: last?.role === "tool" ? textOf(last.content) : null,
    wantsThinking: Boolean(effort) && effort !== "none" && effort !== "minimal",
    maxTokens: body.max_completion_tokens ?? body.max_tokens,
    promptChars: JSON.stringify(messages).length,
  });
}

export const toolCalls = (reply: Reply) =>
  reply.toolCalls.map((call, i) => ({ id: toolCallId("call_", i, call.arguments.city), type: "function", function: { name: call.name, arguments: JSON.stringify(call.arguments) } }));

export const finishReason = (reply: Reply) => (reply.toolCalls.length ? "tool_calls" : reply.truncated ? "length" : "stop");

export const usageOf = (reply: Reply) => ({
  prompt_tokens: reply.promptTokens,
  completion_tokens: reply.completionTokens + reply.thinkingTokens,
  total_tokens: reply.promptTokens + reply.completionTokens + reply.thinkingTokens,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: reply.thinkingTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
});

export const isOpenRouterPath = (path: string) => path.startsWith("/api/v1/");

/** OpenRouter names the thinking `reasoning`; DeepSeek-style upstreams `reasoning_content`. */
export const reasoningField = (path: string) => (isOpenRouterPath(path) ? "reasoning" : "reasoning_content");

export type SearchedReply = Reply & { annotations: OpenAI.ChatCompletionMessage.Annotation[] };

/** A search model's (or OpenRouter's web search) answer cites the fake's search result; tool calls stay as they are. */
export function searchedReply(reply: Reply, body: Body, openRouter: boolean): SearchedReply {
  if (reply.toolCalls.length || !openAiWantsSearch(body, openRouter)) return { ...reply, annotations: [] };
  const { text } = searchedAnswer(reply.text);
  return { ...reply, text, completionTokens: text.split(" ").length, annotations: openAiAnnotations(reply.text, openRouter) };
}
