import type { ChatMessage } from "@/lib/providers/types";
import { TokenizerWorker } from "./tokenizer-worker";

const SLOT = Symbol.for("oauthrouter.tokenizer");
type GlobalWithTokenizer = typeof globalThis & { [SLOT]?: TokenizerWorker };
const tokenizer = () => ((globalThis as GlobalWithTokenizer)[SLOT] ??= new TokenizerWorker());

export interface CountOptions {
  /** Whose count this is: accounts take turns at the tokenizer (see TokenizerWorker). */
  tenant?: string;
  /** Drops the count when its caller leaves. */
  signal?: AbortSignal;
}

const NO_TENANT = "";

/** Characters of an account's text waiting at the tokenizer. */
export const tokenizerBacklog = (tenant: string) => tokenizer().queuedChars(tenant);

/** o200k_base token count of a text: only needed when a provider reports no usage. */
export function countTokens(text: string, options: CountOptions = {}): Promise<number> {
  return tokenizer().count([text], options.tenant ?? NO_TENANT, options.signal);
}

/** The text of a message that counts toward its tokens: its text parts and tool calls. */
export function messageText(message: ChatMessage): string {
  const content = typeof message.content === "string"
    ? message.content
    : (message.content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("");
  const calls = (message.tool_calls ?? []).map((call) => call.function.name + call.function.arguments).join("");
  return content + calls;
}

/** Each message's tokens as OpenAI counts chat messages: its text plus about four tokens of framing. */
export async function countMessageTokens(messages: ChatMessage[], options: CountOptions = {}): Promise<number[]> {
  const counts = await Promise.all(messages.map((message) => tokenizer().count([messageText(message)], options.tenant ?? NO_TENANT, options.signal)));
  return counts.map((n) => n + 4);
}

/** Prompt tokens as OpenAI counts chat messages: the text plus about four tokens of framing each. */
export async function countPromptTokens(messages: ChatMessage[], options: CountOptions = {}): Promise<number> {
  const total = await tokenizer().count(messages.map(messageText), options.tenant ?? NO_TENANT, options.signal);
  return total + 4 * messages.length + 3;
}

/**
 * About four UTF-8 bytes a token (o200k on English; closer than characters for other scripts): an
 * estimate that costs nothing, where an answer cannot wait for the tokenizer.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text) / 4);
}

export function estimatePromptTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateTokens(messageText(message)) + 4, 3);
}
