import { GatewayError } from "@/lib/errors/gateway-error";
import { definedOnly } from "@/lib/providers/shared/request-fields";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { ChatChunk, ChunkDelta, FinishReason, SseEvent, SyncTransformer, UpstreamContext } from "@/lib/providers/types";
import { readCandidateParts } from "./candidate-parts";
import { geminiStreamError } from "./errors";
import { mapGeminiFinishReason } from "./finish-reason";
import { groundingCitations } from "./grounding";
import { convertGeminiUsage } from "./usage";
import { generateResponseSchema, type GeminiWireCandidate, type GeminiWireResponse, type GeminiWireUsage } from "./wire-schema";

interface CandidateState {
  toolCount: number;
  finishReason?: string | null;
  /** The answer so far, which grounding offsets point into, and the citations already sent. */
  text: string;
  cited: Set<string>;
}

interface StreamState {
  model: string;
  usage: GeminiWireUsage;
  blockReason?: string | null;
  candidates: Map<number, CandidateState>;
}

function parseEvent(event: SseEvent, ctx: UpstreamContext): GeminiWireResponse {
  const parsed = generateResponseSchema.safeParse(parseJsonOr(event.data, undefined));
  if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} sent a malformed stream event`, { metadata: { provider: ctx.provider } });
  if (parsed.data.error) throw geminiStreamError(ctx, parsed.data.error);
  return parsed.data;
}

/** One candidate's piece of an event as a delta: text, thought summary, signatures, whole function calls. */
function deltaFor(candidate: GeminiWireCandidate, state: CandidateState, ctx: UpstreamContext): ChunkDelta | null {
  if (candidate.finishReason) state.finishReason = candidate.finishReason;
  const read = readCandidateParts(candidate.content?.parts ?? [], ctx.id, state.toolCount);
  const delta: ChunkDelta = {};
  if (read.reasoning) delta.reasoning = read.reasoning;
  if (read.text) delta.content = read.text;
  state.text += read.text;
  // Gemini may repeat its grounding on later events: each citation goes out once.
  const annotations = groundingCitations(candidate.groundingMetadata, state.text).filter((a) => {
    const key = `${a.url_citation.url}\u0000${a.url_citation.start_index}\u0000${a.url_citation.end_index}`;
    if (state.cited.has(key)) return false;
    state.cited.add(key);
    return true;
  });
  if (annotations.length) delta.annotations = annotations;
  if (read.details.length) delta.reasoning_details = read.details;
  if (read.toolCalls.length) {
    delta.tool_calls = read.toolCalls.map((call, i) => ({ index: state.toolCount + i, ...call }));
    state.toolCount += read.toolCalls.length;
  }
  return Object.keys(delta).length ? delta : null;
}

/**
 * Gemini's `alt=sse` events (each a whole GenerateContentResponse) → our chunks: a role chunk first per
 * candidate, then text, reasoning and complete function calls as they come; finish reasons and the
 * last usage (Gemini repeats it, growing, on every event) in flush.
 */
export function createGeminiStreamTransformer(ctx: UpstreamContext): SyncTransformer<SseEvent, ChatChunk> {
  const state: StreamState = { model: ctx.model, usage: {}, candidates: new Map() };
  const chunk = (index: number, delta: ChunkDelta, finish: FinishReason | null = null, native: string | null = null): ChatChunk => ({
    id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: state.model,
    choices: [{ index, delta, finish_reason: finish, native_finish_reason: native }],
  });
  const candidateState = (index: number, controller: TransformStreamDefaultController<ChatChunk>): CandidateState => {
    let found = state.candidates.get(index);
    if (!found) {
      state.candidates.set(index, (found = { toolCount: 0, text: "", cited: new Set() }));
      controller.enqueue(chunk(index, { role: "assistant", content: "" }));
    }
    return found;
  };
  return {
    transform(event, controller) {
      const raw = parseEvent(event, ctx);
      state.model = raw.modelVersion ?? state.model;
      if (raw.usageMetadata) state.usage = { ...state.usage, ...definedOnly(raw.usageMetadata) };
      state.blockReason = raw.promptFeedback?.blockReason ?? state.blockReason;
      (raw.candidates ?? []).forEach((candidate, position) => {
        const index = candidate.index ?? position;
        const delta = deltaFor(candidate, candidateState(index, controller), ctx);
        if (delta) controller.enqueue(chunk(index, delta));
      });
    },
    flush(controller) {
      const blocked = state.candidates.size === 0 ? state.blockReason : undefined;
      if (!state.candidates.size) candidateState(0, controller);
      const indexes = [...state.candidates.keys()];
      indexes.forEach((index, i) => {
        const { finishReason, toolCount } = state.candidates.get(index)!;
        const finish = blocked ? "content_filter" : mapGeminiFinishReason(finishReason, toolCount > 0);
        const final = chunk(index, {}, finish, finishReason ?? blocked ?? null);
        controller.enqueue(i === indexes.length - 1 ? { ...final, usage: convertGeminiUsage(state.usage) } : final);
      });
    },
  };
}
