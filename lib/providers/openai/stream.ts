import { GatewayError } from "@/lib/errors/gateway-error";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { ChatChunk, SseEvent, SyncTransformer, UpstreamContext } from "@/lib/providers/types";
import { mapOpenAiFinishReason } from "./finish-reason";
import { toChunkDelta } from "./message";
import { convertOpenAiUsage } from "./usage";
import { openAiChunkSchema, type OpenAiWireChunk, type OpenAiWireError } from "./wire-schema";

function errorChunk(ctx: UpstreamContext, raw: OpenAiWireChunk, error: OpenAiWireError): ChatChunk {
  return {
    id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: raw.model ?? ctx.model, provider: ctx.provider,
    choices: [{ index: 0, delta: {}, finish_reason: "error", native_finish_reason: raw.choices?.[0]?.finish_reason ?? null }],
    error: {
      message: error.message || "The upstream stream failed",
      ...(error.code != null ? { code: error.code } : {}),
      ...(error.type ? { type: error.type } : {}),
      metadata: { provider: ctx.provider, ...(error.metadata ?? {}) },
    },
  };
}

function toChunk(ctx: UpstreamContext, raw: OpenAiWireChunk): ChatChunk {
  const usage = convertOpenAiUsage(raw.usage ?? raw.x_groq?.usage);
  return {
    id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: raw.model ?? ctx.model, provider: ctx.provider,
    choices: (raw.choices ?? []).map((choice, i) => ({
      index: choice.index ?? i,
      delta: toChunkDelta(choice.delta),
      finish_reason: mapOpenAiFinishReason(choice.finish_reason),
      native_finish_reason: choice.finish_reason ?? null,
    })),
    ...(usage ? { usage } : {}),
  };
}

/**
 * OpenAI-dialect SSE events → our chunks, one for one as they arrive (usage rides on the last one
 * because we ask for `include_usage`). An `error` object mid-stream ends the stream as an error chunk.
 */
export function createOpenAiStreamTransformer(ctx: UpstreamContext): SyncTransformer<SseEvent, ChatChunk> {
  let failed = false;
  return {
    transform(event, controller) {
      const data = event.data.trim();
      if (failed || data === "" || data === "[DONE]") return;
      const parsed = openAiChunkSchema.safeParse(parseJsonOr(data, undefined));
      if (!parsed.success) {
        throw new GatewayError(502, "api_error", `${ctx.provider} sent a malformed stream event`, { metadata: { provider: ctx.provider, raw: data.slice(0, 200) } });
      }
      const raw = parsed.data;
      if (raw.error || event.event === "error") {
        failed = true;
        return controller.enqueue(errorChunk(ctx, raw, raw.error ?? {}));
      }
      controller.enqueue(toChunk(ctx, raw));
    },
  };
}
