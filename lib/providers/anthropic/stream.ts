import { GatewayError } from "@/lib/errors/gateway-error";
import { definedOnly } from "@/lib/providers/shared/request-fields";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { ChatChunk, ChunkDelta, SseEvent, SyncTransformer, UpstreamContext } from "@/lib/providers/types";
import { mapAnthropicStopReason } from "./finish-reason";
import { JSON_TOOL } from "./structured-output";
import { convertAnthropicUsage } from "./usage";
import { citationsOf } from "./web-search";
import { streamEventSchema, type AnthropicCitation, type AnthropicUsage, type AnthropicWireError, type StreamEvent } from "./wire-schema";

interface StreamState {
  model: string;
  usage: AnthropicUsage;
  stopReason: string | null;
  /** Anthropic block index → our tool-call index (counted among tool calls only), or the JSON tool. */
  blocks: Map<number, number | "json">;
  toolCount: number;
  /** Characters of answer text so far, where each text block starts, and the sources it cites. */
  textLength: number;
  textStarts: Map<number, number>;
  citations: Map<number, AnthropicCitation[]>;
  started: boolean;
  done: boolean;
}

const ERROR_STATUS: Record<string, number> = {
  invalid_request_error: 400, authentication_error: 401, permission_error: 403, not_found_error: 404,
  request_too_large: 413, rate_limit_error: 429, api_error: 500, overloaded_error: 529,
};

function blockStart(event: StreamEvent, state: StreamState): ChunkDelta | null {
  const block = event.content_block;
  const index = event.index ?? 0;
  if (block?.type === "tool_use") {
    if (block.name === JSON_TOOL) return void state.blocks.set(index, "json"), null;
    const toolIndex = state.toolCount++;
    state.blocks.set(index, toolIndex);
    return { tool_calls: [{ index: toolIndex, id: block.id ?? `toolu_${index}`, type: "function", function: { name: block.name ?? "", arguments: "" } }] };
  }
  if (block?.type === "redacted_thinking" && block.data) return { reasoning_details: [{ type: "reasoning.encrypted", data: block.data, format: "anthropic" }] };
  if (block?.type === "text") {
    state.textStarts.set(index, state.textLength);
    if (block.citations?.length) state.citations.set(index, [...block.citations]);
    return block.text ? { content: block.text } : null;
  }
  if (block?.type === "thinking" && block.thinking) return { reasoning: block.thinking };
  return null;
}

function blockDelta(event: StreamEvent, state: StreamState): ChunkDelta | null {
  const delta = event.delta;
  if (delta?.type === "text_delta" && delta.text) return { content: delta.text };
  if (delta?.type === "thinking_delta" && delta.thinking) {
    return { reasoning: delta.thinking, reasoning_details: [{ type: "reasoning.text", text: delta.thinking, format: "anthropic" }] };
  }
  if (delta?.type === "citations_delta" && delta.citation) {
    const index = event.index ?? 0;
    state.citations.set(index, [...(state.citations.get(index) ?? []), delta.citation]);
    return null;
  }
  if (delta?.type === "signature_delta" && delta.signature) return { reasoning_details: [{ type: "reasoning.text", signature: delta.signature, format: "anthropic" }] };
  if (delta?.type !== "input_json_delta" || !delta.partial_json) return null;
  const target = state.blocks.get(event.index ?? 0);
  if (target === "json") return { content: delta.partial_json };
  return target === undefined ? null : { tool_calls: [{ index: target, function: { arguments: delta.partial_json } }] };
}

/** A text block's citations, once it ends and its place in the answer is known. */
function blockStop(event: StreamEvent, state: StreamState): ChunkDelta | null {
  const index = event.index ?? 0;
  const annotations = citationsOf(state.citations.get(index), state.textStarts.get(index) ?? 0, state.textLength);
  state.citations.delete(index);
  return annotations.length ? { annotations } : null;
}

const DELTAS = new Map<string, (event: StreamEvent, state: StreamState) => ChunkDelta | null>([
  ["content_block_start", blockStart],
  ["content_block_delta", blockDelta],
  ["content_block_stop", blockStop],
]);

/**
 * Anthropic's event sequence → our chunks: a first chunk with the role, one per content delta,
 * and a last one with finish reason and usage. An `error` event becomes a final error chunk.
 */
export function createAnthropicStreamTransformer(ctx: UpstreamContext): SyncTransformer<SseEvent, ChatChunk> {
  const state: StreamState = {
    model: ctx.model, usage: {}, stopReason: null, blocks: new Map(), toolCount: 0, textLength: 0, textStarts: new Map(), citations: new Map(), started: false, done: false,
  };
  const chunk = (delta: ChunkDelta, extra: Partial<ChatChunk> = {}, finish: Pick<ChatChunk["choices"][number], "finish_reason" | "native_finish_reason"> = { finish_reason: null, native_finish_reason: null }): ChatChunk => ({
    id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: state.model, provider: ctx.provider,
    choices: [{ index: 0, delta, ...finish }], ...extra,
  });
  const finalChunk = () => {
    state.done = true;
    const json = [...state.blocks.values()].includes("json");
    const finish = json ? "stop" : (mapAnthropicStopReason(state.stopReason) ?? "stop");
    return chunk({}, { usage: convertAnthropicUsage(state.usage) }, { finish_reason: finish, native_finish_reason: state.stopReason });
  };
  const errorChunk = (error: AnthropicWireError | null | undefined) => {
    state.done = true;
    const type = error?.type ?? "api_error";
    return chunk({}, { error: { message: error?.message || "Anthropic stream error", code: ERROR_STATUS[type] ?? 500, type, metadata: { provider: ctx.provider } } }, { finish_reason: "error", native_finish_reason: null });
  };
  return {
    transform(sse, controller) {
      if (state.done) return;
      const parsed = streamEventSchema.safeParse(parseJsonOr(sse.data, undefined));
      if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} sent a malformed stream event`, { metadata: { provider: ctx.provider, raw: sse.data.slice(0, 200) } });
      const event = parsed.data;
      if (event.type === "error") return controller.enqueue(errorChunk(event.error));
      if (event.type === "message_start") {
        state.started = true;
        state.model = event.message?.model ?? state.model;
        state.usage = definedOnly({ ...event.message?.usage });
        return controller.enqueue(chunk({ role: "assistant", content: "" }));
      }
      if (event.type === "message_delta") {
        state.stopReason = event.delta?.stop_reason ?? state.stopReason;
        state.usage = { ...state.usage, ...definedOnly({ ...event.usage }) };
        return;
      }
      if (event.type === "message_stop") return controller.enqueue(finalChunk());
      const delta = DELTAS.get(event.type)?.(event, state);
      if (delta?.content) state.textLength += delta.content.length;
      if (delta) controller.enqueue(chunk(delta));
    },
    flush(controller) {
      if (state.done || !state.started) return;
      // Cut after message_delta: the answer is whole, only message_stop is missing.
      if (state.stopReason) return controller.enqueue(finalChunk());
      throw new GatewayError(502, "api_error", `${ctx.provider} stream ended before the message was complete`, { metadata: { provider: ctx.provider } });
    },
  };
}
