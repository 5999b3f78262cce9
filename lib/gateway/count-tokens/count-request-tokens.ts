import type { Caller } from "@/lib/auth/api-token";
import { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatMessage, ChatRequest } from "@/lib/providers/types";
import { enforceRateLimit } from "@/lib/security/rate-limit";
import { countPromptTokens } from "@/lib/usage/count-tokens";

/** The largest count_tokens / countTokens body: the text of a 1M-token context, well below MAX_BODY_BYTES. */
export const COUNT_TOKENS_MAX_BYTES = 4 * 1024 * 1024;
/** A count takes no message (Anthropic does not bill it either): it has a rate of its own per account. */
export const COUNT_TOKENS_PER_MINUTE = 120;

/** Before reading a count's body: the account's count_tokens rate (429 past it), shared through Redis when configured. */
export function admitTokenCount(caller: Caller): Promise<void> {
  return enforceRateLimit("count_tokens", caller.userId, COUNT_TOKENS_PER_MINUTE, 60_000);
}

/**
 * A request's prompt tokens (messages, and tools as one system message), counted in the caller's
 * turn at the shared tokenizer and dropped as soon as the client leaves.
 */
export async function countRequestTokens(caller: Caller, chat: ChatRequest, signal: AbortSignal): Promise<number> {
  const options = { tenant: caller.userId, signal };
  const tools: ChatMessage[] = chat.tools?.length ? [{ role: "system", content: JSON.stringify(chat.tools) }] : [];
  try {
    const [messages, toolTokens] = await Promise.all([countPromptTokens(chat.messages, options), tools.length ? countPromptTokens(tools, options) : 0]);
    return messages + toolTokens;
  } catch (error) {
    if (signal.aborted) throw new GatewayError(499, "invalid_request_error", "The client closed the request before its tokens were counted");
    throw error;
  }
}
