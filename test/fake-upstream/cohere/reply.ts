import { decideReply, textOf, type Reply } from "../conversation";
import type { Body } from "../types";

/** Reads a v2/chat request into the shared deterministic reply. */
export function replyFor(body: Body): Reply {
  const messages: Body[] = Array.isArray(body.messages) ? body.messages : [];
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const trailing: Body[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i].role === "tool"; i--) trailing.unshift(messages[i]);
  const results = trailing.map((m) => textOf(m.content));
  return decideReply({
    lastUserText: textOf(lastUser?.content),
    toolNames: (body.tools ?? []).map((t: Body) => t.function?.name).filter(Boolean),
    forcedTool: body.tool_choice === "REQUIRED" ? "any" : undefined,
    toolsDisabled: body.tool_choice === "NONE",
    toolResult: results.length ? [...new Set(results)].join("; ") : null,
    wantsThinking: false,
    maxTokens: body.max_tokens,
    promptChars: JSON.stringify(messages).length,
  });
}

export const TOOL_PLAN = "I will look up the weather.";

/** Cohere ids look like `get_weather_nsz5zm3w56q3`; ours are deterministic. */
export const toolCalls = (reply: Reply) =>
  reply.toolCalls.map((c, i) => ({ id: `${c.name}_fake${i}${c.arguments.city.toLowerCase()}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } }));

export const finishReason = (reply: Reply) => (reply.toolCalls.length ? "TOOL_CALL" : reply.truncated ? "MAX_TOKENS" : "COMPLETE");

export const usageOf = (reply: Reply) => ({
  billed_units: { input_tokens: reply.promptTokens, output_tokens: reply.completionTokens },
  tokens: { input_tokens: reply.promptTokens + 10, output_tokens: reply.completionTokens },
});
