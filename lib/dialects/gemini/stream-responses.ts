import type { ChatChunk, ChunkDelta, FinishReason, ToolCall, Usage } from "@/lib/providers/types";
import { geminiStatus } from "./errors";
import { toGeminiFinishReason } from "./finish-reason";
import { tagSignature } from "./foreign-signature";
import type { GeminiCandidate, GeminiResponse } from "./from-chat-response";
import { functionCallPart, type GeminiPart } from "./parts";
import { geminiUsageMetadata } from "./usage";

export type GeminiStreamError = { error: { code: number; message: string; status: string } };

export interface GeminiStreamOptions {
  /** Used only when the stream ends before any chunk names the response. */
  id?: string;
  model?: string;
}

interface Candidate {
  calls: Map<number, ToolCall>;
  /** Gemini's own thought signature, held for the first function call or the last part. */
  signature?: string;
  signed: boolean;
  finish: FinishReason | null;
  native: string | null;
}

/**
 * Our chunks as GenerateContentResponse objects: text and thoughts as they come, function calls
 * whole once their arguments are complete (a later call began, or the stream ended), the last
 * calls with the finish reason and usage in the final one.
 */
export class GeminiResponseWriter {
  private readonly candidates = new Map<number, Candidate>();
  private usage: Usage | null = null;
  private id: string;
  private model: string;

  constructor(options: GeminiStreamOptions = {}) {
    this.id = options.id ?? "";
    this.model = options.model ?? "";
  }

  /** The responses one chunk produces (none when it only carried argument fragments). */
  next(chunk: ChatChunk): Array<GeminiResponse | GeminiStreamError> {
    this.id = chunk.id || this.id;
    this.model = chunk.model || this.model;
    if (chunk.error) {
      const code = Number(chunk.error.code);
      const status = code >= 400 && code < 600 ? code : 500;
      return [{ error: { code: status, message: chunk.error.message, status: geminiStatus(chunk.error.type, status) } }];
    }
    this.usage = chunk.usage ?? this.usage;
    const out: GeminiCandidate[] = [];
    for (const choice of chunk.choices) {
      const state = this.candidate(choice.index);
      const parts = this.readDelta(state, choice.delta);
      state.finish = choice.finish_reason ?? state.finish;
      state.native = choice.native_finish_reason ?? state.native;
      if (parts.length) out.push({ content: { role: "model", parts }, index: choice.index });
    }
    return out.length ? [this.response(out)] : [];
  }

  /** The last response: calls still held, the finish reason and usage. */
  end(): GeminiResponse {
    if (!this.candidates.size) this.candidate(0);
    const candidates = [...this.candidates].map(([index, state]): GeminiCandidate => {
      const parts = this.completedCalls(state, Infinity);
      if (state.signature && !state.signed) parts.push({ text: "", thoughtSignature: state.signature });
      return { content: { role: "model", parts: parts.length ? parts : [{ text: "" }] }, finishReason: toGeminiFinishReason(state.finish, state.native), index };
    });
    return { ...this.response(candidates), usageMetadata: geminiUsageMetadata(this.usage) };
  }

  private candidate(index: number): Candidate {
    let state = this.candidates.get(index);
    if (!state) this.candidates.set(index, (state = { calls: new Map(), signed: false, finish: null, native: null }));
    return state;
  }

  private response(candidates: GeminiCandidate[]): GeminiResponse {
    return { candidates, modelVersion: this.model, responseId: this.id };
  }

  private readDelta(state: Candidate, d: ChunkDelta): GeminiPart[] {
    const parts: GeminiPart[] = [];
    const thought = d.reasoning || "";
    for (const detail of d.reasoning_details ?? []) {
      if (detail.type !== "reasoning.text" || !detail.signature) continue;
      if (detail.format === "gemini") state.signature ??= detail.signature;
      else parts.push({ text: "", thought: true, thoughtSignature: tagSignature(detail.signature, detail.format) });
    }
    if (thought) parts.unshift({ text: thought, thought: true });
    if (d.content) parts.push({ text: d.content });
    for (const call of d.tool_calls ?? []) {
      const known = state.calls.get(call.index);
      if (known) known.function.arguments += call.function?.arguments ?? "";
      else {
        parts.push(...this.completedCalls(state, call.index));
        state.calls.set(call.index, { id: call.id ?? "", type: "function", function: { name: call.function?.name ?? "", arguments: call.function?.arguments ?? "" } });
      }
    }
    return parts;
  }

  /** Calls below `before` are complete: whole functionCall parts, the first carrying the signature. */
  private completedCalls(state: Candidate, before: number): GeminiPart[] {
    const done = [...state.calls.keys()].filter((i) => i < before).sort((a, b) => a - b);
    return done.map((i) => {
      const part = functionCallPart(state.calls.get(i)!);
      state.calls.delete(i);
      if (state.signature && !state.signed) {
        part.thoughtSignature = state.signature;
        state.signed = true;
      }
      return part;
    });
  }
}
