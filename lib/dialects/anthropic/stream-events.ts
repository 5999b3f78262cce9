import type { ChatChunk, ChunkDelta, FinishReason, ToolCallDelta, Usage } from "@/lib/providers/types";
import type { AnthropicContentBlock } from "./content-blocks";
import { anthropicErrorType } from "./errors";
import { tagSignature } from "./foreign-signature";
import { messageId } from "./from-chat-response";
import { toStopReason } from "./stop-reason";
import { anthropicUsage, type AnthropicUsage } from "./usage";

type BlockDelta =
  | { type: "thinking_delta"; thinking: string }
  | { type: "signature_delta"; signature: string }
  | { type: "text_delta"; text: string }
  | { type: "input_json_delta"; partial_json: string };

export type AnthropicStreamEvent =
  | { type: "message_start"; message: { id: string; type: "message"; role: "assistant"; model: string; content: []; stop_reason: null; stop_sequence: null; usage: AnthropicUsage } }
  | { type: "ping" }
  | { type: "content_block_start"; index: number; content_block: AnthropicContentBlock }
  | { type: "content_block_delta"; index: number; delta: BlockDelta }
  | { type: "content_block_stop"; index: number }
  | { type: "message_delta"; delta: { stop_reason: string; stop_sequence: null }; usage: Partial<AnthropicUsage> & { output_tokens: number } }
  | { type: "message_stop" }
  | { type: "error"; error: { type: string; message: string } };

export interface AnthropicStreamOptions {
  /** Used only when the stream ends before any chunk names the message. */
  id?: string;
  model?: string;
  /** Prompt tokens counted before the call, shown in message_start until the real count arrives. */
  inputTokens?: number;
}

const THINKING: AnthropicContentBlock = { type: "thinking", thinking: "", signature: "" };
const TEXT: AnthropicContentBlock = { type: "text", text: "" };

/**
 * Our chunks as Anthropic's event sequence: message_start and one ping, then a content block per
 * run of thinking, text or one tool call (closed when the next begins), message_delta, message_stop.
 */
export class AnthropicEventWriter {
  private started = false;
  private open: { kind: "thinking" | "text" | "tool_use"; index: number } | null = null;
  private blocks = 0;
  private readonly toolBlocks = new Map<number, number>();
  private finish: FinishReason | null = null;
  private native: string | null = null;
  private usage: Usage | null = null;
  private out: AnthropicStreamEvent[] = [];

  constructor(private readonly options: AnthropicStreamOptions = {}) {}

  /** The events one chunk produces; after a chunk with `error`, the stream is over. */
  next(chunk: ChatChunk): AnthropicStreamEvent[] {
    this.out = [];
    if (!this.started) this.start(chunk.id, chunk.model, chunk.usage);
    if (chunk.error) {
      this.close();
      const type = anthropicErrorType(chunk.error.type, Number(chunk.error.code) || undefined);
      this.out.push({ type: "error", error: { type, message: chunk.error.message } });
      return this.out;
    }
    const choice = chunk.choices.find((c) => c.index === 0);
    const d = choice?.delta ?? {};
    this.reasoning(d);
    if (d.content) this.delta(this.ensure("text", TEXT), { type: "text_delta", text: d.content });
    for (const call of d.tool_calls ?? []) this.toolCall(call);
    this.finish = choice?.finish_reason ?? this.finish;
    this.native = choice?.native_finish_reason ?? this.native;
    this.usage = chunk.usage ?? this.usage;
    return this.out;
  }

  /** The closing events, once the chunks are done. */
  end(): AnthropicStreamEvent[] {
    this.out = [];
    if (!this.started) this.start(this.options.id ?? "gen-empty", this.options.model ?? "", null);
    this.close();
    const usage = this.usage ? anthropicUsage(this.usage) : { output_tokens: 0 };
    const stop = toStopReason(this.finish, this.native);
    this.out.push({ type: "message_delta", delta: { stop_reason: stop, stop_sequence: null }, usage }, { type: "message_stop" });
    return this.out;
  }

  private start(id: string, model: string, first: Usage | null | undefined) {
    this.started = true;
    const known = first ? anthropicUsage(first) : { ...anthropicUsage(null), input_tokens: this.options.inputTokens ?? 0 };
    const usage = { ...known, output_tokens: 0 };
    this.out.push(
      { type: "message_start", message: { id: messageId(id), type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage } },
      { type: "ping" },
    );
  }

  private close() {
    if (this.open) this.out.push({ type: "content_block_stop", index: this.open.index });
    this.open = null;
  }

  private begin(kind: "thinking" | "text" | "tool_use", block: AnthropicContentBlock): number {
    this.close();
    this.open = { kind, index: this.blocks++ };
    this.out.push({ type: "content_block_start", index: this.open.index, content_block: { ...block } });
    return this.open.index;
  }

  private ensure(kind: "thinking" | "text", block: AnthropicContentBlock): number {
    return this.open?.kind === kind ? this.open.index : this.begin(kind, block);
  }

  private delta(index: number, delta: BlockDelta) {
    this.out.push({ type: "content_block_delta", index, delta });
  }

  /** Text from `reasoning` (details repeat it), signatures and redacted pieces from the details. */
  private reasoning(d: ChunkDelta) {
    const details = d.reasoning_details ?? [];
    const text = d.reasoning || details.map((r) => (r.type === "reasoning.text" ? r.text ?? "" : "")).join("");
    if (text) this.delta(this.ensure("thinking", THINKING), { type: "thinking_delta", thinking: text });
    for (const detail of details) {
      if (detail.type === "reasoning.text" && detail.signature) {
        this.delta(this.ensure("thinking", THINKING), { type: "signature_delta", signature: tagSignature(detail.signature, detail.format) });
      } else if (detail.type === "reasoning.encrypted" && detail.data) {
        this.begin("thinking", { type: "redacted_thinking", data: tagSignature(detail.data, detail.format) });
        this.close();
      }
    }
  }

  /** A new tool index opens a tool_use block; later fragments are its input_json_delta. */
  private toolCall(call: ToolCallDelta) {
    let index = this.toolBlocks.get(call.index);
    if (index === undefined) {
      index = this.begin("tool_use", { type: "tool_use", id: call.id || `toolu_${call.index}`, name: call.function?.name ?? "", input: {} });
      this.toolBlocks.set(call.index, index);
    }
    if (call.function?.arguments) this.delta(index, { type: "input_json_delta", partial_json: call.function.arguments });
  }
}
