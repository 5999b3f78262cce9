import { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatResponse, UpstreamContext } from "@/lib/providers/types";
import { mapOpenAiFinishReason } from "./finish-reason";
import { toResponseMessage } from "./message";
import { convertOpenAiUsage } from "./usage";
import { openAiResponseSchema } from "./wire-schema";

const unexpected = (ctx: UpstreamContext, message: string, raw?: string) =>
  new GatewayError(502, "api_error", message, { metadata: { provider: ctx.provider, ...(raw ? { raw } : {}) }, retryable: true });

/** An OpenAI-dialect completion as ours: our id and clock, the upstream's model, normalised finish reasons. */
export function parseOpenAiChatResponse(body: unknown, ctx: UpstreamContext): ChatResponse {
  const parsed = openAiResponseSchema.safeParse(body);
  if (!parsed.success) throw unexpected(ctx, `${ctx.provider} returned an unexpected response`);
  const raw = parsed.data;
  const choices = raw.choices ?? [];
  // Some routers answer 200 with an error body when the provider behind them failed.
  if (raw.error && choices.length === 0) {
    const message = raw.error.message ?? "unknown error";
    throw unexpected(ctx, `${ctx.provider}: ${message}`, message);
  }
  return {
    id: ctx.id,
    object: "chat.completion",
    created: ctx.created,
    model: raw.model ?? ctx.model,
    provider: ctx.provider,
    choices: choices.map((choice, i) => ({
      index: choice.index ?? i,
      message: toResponseMessage(choice.message),
      finish_reason: mapOpenAiFinishReason(choice.finish_reason),
      native_finish_reason: choice.finish_reason ?? null,
      ...(choice.logprobs ? { logprobs: choice.logprobs } : {}),
    })),
    usage: convertOpenAiUsage(raw.usage) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    ...(raw.system_fingerprint ? { system_fingerprint: raw.system_fingerprint } : {}),
  };
}
