import { findCatalogModel } from "@/lib/providers/catalog";
import { maxMessagesOf } from "@/lib/providers/catalog/openrouter-ids";
import type { ChatRequest } from "@/lib/providers/types";
import { countMessageTokens, messageText } from "@/lib/usage/count-tokens";
import { PRIMING_TOKENS, planMiddleOut, shortenMessage } from "./middle-out-plan";

/** OpenRouter turns middle-out on by default for models of this context length or less. */
const DEFAULT_ON_UP_TO = 8192;
/** Room kept for the answer when the request sets no max_tokens (at most half the context). */
const DEFAULT_ANSWER_TOKENS = 4096;
const MAX_CUTS = 3;

/** What middle-out needs to know of the model a request goes to. */
export interface ModelLimits {
  contextLength?: number;
  maxMessages?: number;
}

export function modelLimits(provider: string, model: string): ModelLimits {
  return { contextLength: findCatalogModel(`${provider}/${model}`)?.context_length, maxMessages: maxMessagesOf(provider) };
}

function wanted(chat: ChatRequest, limits: ModelLimits): boolean {
  const transforms = chat.transforms as string[] | undefined;
  if (transforms) return transforms.includes("middle-out");
  return limits.contextLength !== undefined && limits.contextLength <= DEFAULT_ON_UP_TO;
}

/** Tokens the prompt may take: the context less the room asked for the answer. */
function promptBudget(chat: ChatRequest, contextLength: number): number {
  const answer = chat.max_completion_tokens ?? chat.max_tokens ?? DEFAULT_ANSWER_TOKENS;
  return contextLength - Math.min(answer, Math.floor(contextLength / 2));
}

/** A token is at least one byte: a prompt of fewer bytes than the budget fits without counting. */
function surelyFits(chat: ChatRequest, budget: number): boolean {
  let bytes = PRIMING_TOKENS;
  for (const message of chat.messages) bytes += Buffer.byteLength(messageText(message)) + 4;
  return bytes <= budget;
}

/**
 * `transforms: ["middle-out"]` (on by default for models of 8k context or less) for one model: a
 * prompt longer than its context loses messages from the middle, then text from the middle of its
 * longest message; more messages than the provider takes (Anthropic's 1000) lose the middle ones.
 * Tokens are the o200k estimate, counted off the event loop and only when the prompt may not fit.
 */
export async function middleOut(chat: ChatRequest, limits: ModelLimits): Promise<ChatRequest> {
  if (!wanted(chat, limits)) return chat;
  const budget = limits.contextLength === undefined ? Infinity : promptBudget(chat, limits.contextLength);
  if (chat.messages.length <= (limits.maxMessages ?? Infinity) && surelyFits(chat, budget)) return chat;
  const counts = await countMessageTokens(chat.messages);
  const plan = planMiddleOut(chat.messages, counts, budget, limits.maxMessages);
  const messages = plan.keep.map((index) => chat.messages[index]);
  const kept = plan.keep.map((index) => counts[index]);
  let tokens = plan.tokens;
  for (let cut = 0; cut < MAX_CUTS && tokens > budget; cut++) {
    const longest = kept.indexOf(Math.max(...kept));
    const text = messageText(messages[longest]);
    const chars = Math.ceil(((tokens - budget) * text.length * 1.05) / Math.max(1, kept[longest])) + 16;
    messages[longest] = shortenMessage(messages[longest], chars);
    const [recount] = await countMessageTokens([messages[longest]]);
    tokens += recount - kept[longest];
    kept[longest] = recount;
  }
  return { ...chat, messages };
}
