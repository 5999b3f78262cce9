import type { Tiktoken } from "js-tiktoken/lite";
import type { ChatMessage } from "@/lib/providers/types";

let encoder: Promise<Tiktoken> | undefined;

/** o200k_base, loaded on first use: only needed when a provider reports no usage. */
function loadEncoder(): Promise<Tiktoken> {
  encoder ??= Promise.all([import("js-tiktoken/lite"), import("js-tiktoken/ranks/o200k_base")]).then(
    ([lite, ranks]) => new lite.Tiktoken(ranks.default),
  );
  return encoder;
}

export async function countTokens(text: string): Promise<number> {
  if (!text) return 0;
  return (await loadEncoder()).encode(text, [], []).length;
}

function messageText(message: ChatMessage): string {
  const content = typeof message.content === "string"
    ? message.content
    : (message.content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("");
  const calls = (message.tool_calls ?? []).map((call) => call.function.name + call.function.arguments).join("");
  return content + calls;
}

/** Prompt tokens as OpenAI counts chat messages: the text plus about four tokens of framing each. */
export async function countPromptTokens(messages: ChatMessage[]): Promise<number> {
  const texts = await Promise.all(messages.map((m) => countTokens(messageText(m))));
  return texts.reduce((sum, n) => sum + n + 4, 3);
}
