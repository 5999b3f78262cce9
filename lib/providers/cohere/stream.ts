import { GatewayError } from "@/lib/errors/gateway-error";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { ChatChunk, ChunkDelta, SseEvent, SyncTransformer, UpstreamContext } from "@/lib/providers/types";
import { mapCohereFinishReason } from "./finish-reason";
import { convertCohereUsage } from "./usage";
import { streamEventSchema, type CohereStreamEvent, type CohereWireUsage } from "./wire-schema";

interface StreamState {
  started: boolean;
  /** Cohere's tool-call index → ours (sequential from 0). */
  tools: Map<number, number>;
  ended: boolean;
  finishReason?: string | null;
  usage?: CohereWireUsage | null;
}

/** The delta one event carries; events with nothing for the client (content-end, citations, debug) give null. */
function deltaFor(event: CohereStreamEvent, state: StreamState): ChunkDelta | null {
  const message = event.delta?.message;
  const content = Array.isArray(message?.content) ? undefined : message?.content;
  const call = Array.isArray(message?.tool_calls) ? undefined : message?.tool_calls;
  switch (event.type) {
    case "content-start":
    case "content-delta": {
      const delta: ChunkDelta = {};
      if (content?.thinking) delta.reasoning = content.thinking;
      if (content?.text) delta.content = content.text;
      return Object.keys(delta).length ? delta : null;
    }
    case "tool-plan-delta":
      return message?.tool_plan ? { reasoning: message.tool_plan } : null;
    case "tool-call-start": {
      const index = state.tools.size;
      state.tools.set(event.index ?? index, index);
      return { tool_calls: [{ index, id: call?.id ?? `call_${index}`, type: "function", function: { name: call?.function?.name ?? "", arguments: call?.function?.arguments ?? "" } }] };
    }
    case "tool-call-delta": {
      const index = state.tools.get(event.index ?? 0) ?? event.index ?? 0;
      return call?.function?.arguments ? { tool_calls: [{ index, function: { arguments: call.function.arguments } }] } : null;
    }
    default:
      return null;
  }
}

function endOf(event: CohereStreamEvent, state: StreamState, ctx: UpstreamContext): void {
  state.ended = true;
  state.finishReason = event.delta?.finish_reason;
  state.usage = event.delta?.usage;
  if (state.finishReason === "ERROR") {
    const raw = event.delta?.error ?? "the generation failed";
    throw new GatewayError(502, "api_error", `${ctx.provider}: ${raw}`, { metadata: { provider: ctx.provider, raw } });
  }
}

/**
 * Cohere's typed events → our chunks: role on message-start, text and thinking deltas, tool calls
 * opened with id and name then argument fragments; finish and usage (from message-end) in flush.
 */
export function createCohereStreamTransformer(ctx: UpstreamContext): SyncTransformer<SseEvent, ChatChunk> {
  const state: StreamState = { started: false, tools: new Map(), ended: false };
  const chunk = (delta: ChunkDelta, extra: Partial<ChatChunk["choices"][number]> = {}): ChatChunk => ({
    id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: ctx.model,
    choices: [{ index: 0, delta, finish_reason: null, native_finish_reason: null, ...extra }],
  });
  const start = (controller: TransformStreamDefaultController<ChatChunk>) => {
    if (!state.started) controller.enqueue(chunk({ role: "assistant", content: "" }));
    state.started = true;
  };
  return {
    transform(sse, controller) {
      if (sse.data.trim() === "[DONE]") return;
      const parsed = streamEventSchema.safeParse(parseJsonOr(sse.data, undefined));
      if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} sent a malformed stream event`, { metadata: { provider: ctx.provider } });
      start(controller);
      if (parsed.data.type === "message-end") return endOf(parsed.data, state, ctx);
      const delta = deltaFor(parsed.data, state);
      if (delta) controller.enqueue(chunk(delta));
    },
    flush(controller) {
      start(controller);
      const finish = mapCohereFinishReason(state.finishReason, state.tools.size > 0);
      const final = chunk({}, { finish_reason: finish, native_finish_reason: state.finishReason ?? null });
      controller.enqueue(state.ended ? { ...final, usage: convertCohereUsage(state.usage) } : final);
    },
  };
}
