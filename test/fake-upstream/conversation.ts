/** What every fake provider family answers, decided from the request the same way. */
export interface Reply {
  text: string;
  toolCalls: Array<{ name: string; arguments: { city: string } }>;
  thinking: string | null;
  truncated: boolean;
  promptTokens: number;
  /** Text (or tool call) tokens, without thinking. */
  completionTokens: number;
  thinkingTokens: number;
}

export interface ConversationInput {
  lastUserText: string;
  toolNames: string[];
  /** The tool a tool_choice forces, or "any" when it forces some tool. */
  forcedTool?: string;
  /** tool_choice none. */
  toolsDisabled?: boolean;
  toolResult: string | null;
  wantsThinking: boolean;
  maxTokens: number | undefined;
  promptChars: number;
}

export const THINKING_TEXT = "Let me think about this step by step.";

const wordCount = (text: string) => (text ? text.split(" ").length : 0);

function toolCalls(input: ConversationInput): Reply["toolCalls"] | null {
  if (input.toolResult !== null || input.toolNames.length === 0 || input.toolsDisabled) return null;
  const forced = input.forcedTool === "any" ? input.toolNames[0] : input.forcedTool;
  if (!forced && !/weather/i.test(input.lastUserText)) return null;
  const cities = /parallel/i.test(input.lastUserText) ? ["Paris", "Tokyo"] : ["Paris"];
  return cities.map((city) => ({ name: forced ?? input.toolNames[0], arguments: { city } }));
}

/**
 * Deterministic: "Echo: <last user text>"; tool calls when tools are offered and the user asks
 * about the weather (two when "parallel") or tool_choice forces one; "The tool said: <result>"
 * after a tool result; thinking when asked; cut to max_tokens words with a length finish.
 */
export function decideReply(input: ConversationInput): Reply {
  const promptTokens = Math.max(1, Math.ceil(input.promptChars / 4));
  const thinking = input.wantsThinking ? THINKING_TEXT : null;
  const thinkingTokens = thinking ? wordCount(thinking) : 0;
  const calls = toolCalls(input);
  if (calls) return { text: "", toolCalls: calls, thinking, truncated: false, promptTokens, completionTokens: 12 * calls.length, thinkingTokens };
  const full = input.toolResult !== null ? `The tool said: ${input.toolResult}` : `Echo: ${input.lastUserText}`;
  const words = full.split(" ");
  const truncated = input.maxTokens !== undefined && input.maxTokens < words.length;
  const text = truncated ? words.slice(0, Math.max(1, input.maxTokens ?? 1)).join(" ") : full;
  return { text, toolCalls: [], thinking, truncated, promptTokens, completionTokens: wordCount(text), thinkingTokens };
}

/** Splits text into stream pieces of one word each, keeping the spaces. */
export function pieces(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

/** The text of a message's content: a string, or text / document parts of an array. */
export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => {
      if (typeof part === "string") return part;
      const p = part as { text?: unknown; document?: { data?: unknown }; content?: unknown };
      if (typeof p.text === "string") return p.text;
      if (p.document) return typeof p.document.data === "string" ? p.document.data : JSON.stringify(p.document.data);
      return textOf(p.content);
    })
    .join("");
}
