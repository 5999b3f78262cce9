import type { ChatChunk, ChunkDelta, FinishReason, ReasoningDetail, ToolCallDelta, Usage } from "@/lib/providers/types";
import { itemId } from "./ids";
import { encodeReasoning, mergeReasoning } from "./reasoning-state";
import type { FunctionCallItem, OutputItem, OutputMessage, OutputText, ReasoningItem, ResponseEnvelope, ResponsesEvent, ResponsesResponse, UrlCitation } from "./types";
import { responsesUsage } from "./usage";

/** Web search citations as the shared chunks carry them (Chat Completions' shape). */
type ChatAnnotation = { type: string; url_citation?: { url: string; title?: string; start_index?: number; end_index?: number } };

type OpenReasoning = { kind: "reasoning"; index: number; item: ReasoningItem; text: string; fragments: ReasoningDetail[] };
type OpenMessage = { kind: "message"; index: number; item: OutputMessage; part: OutputText };
type OpenCall = { kind: "function_call"; index: number; item: FunctionCallItem };
type Open = OpenReasoning | OpenMessage | OpenCall;

const INCOMPLETE: Partial<Record<FinishReason, "max_output_tokens" | "content_filter">> = { length: "max_output_tokens", content_filter: "content_filter" };

/**
 * Our chunks as the Responses API's event sequence: response.created and .in_progress, then each
 * output item (reasoning with its summary, a message with its output_text, each function call)
 * added, filled by deltas and done before the next begins, and response.completed, .incomplete or
 * .failed carrying the whole response. It also builds the final response for the non-streamed answer.
 */
export class ResponsesEventWriter {
  private started = false;
  private ended = false;
  private open: Open | null = null;
  private readonly output: OutputItem[] = [];
  private readonly toolItems = new Map<number, OpenCall>();
  private model: string;
  private usage: Usage | null = null;
  private finish: FinishReason | null = null;
  private failure: ResponsesResponse["error"] = null;
  private out: ResponsesEvent[] = [];

  constructor(private readonly envelope: ResponseEnvelope) {
    this.model = envelope.model;
  }

  /** The events one chunk produces; after a chunk with `error` the stream is over (response.failed). */
  next(chunk: ChatChunk): ResponsesEvent[] {
    this.out = [];
    if (chunk.model) this.model = chunk.model;
    this.start();
    if (chunk.error) {
      const status = Number(chunk.error.code);
      this.failure = { code: status === 429 ? "rate_limit_exceeded" : "server_error", message: chunk.error.message };
      if (this.open && this.open.kind !== "reasoning") this.open.item.status = "incomplete";
      this.emit({ type: "response.failed", response: this.response() });
      return this.out;
    }
    const choice = chunk.choices.find((c) => c.index === 0);
    const delta = choice?.delta ?? {};
    this.reasoning(delta);
    if (delta.content) this.text(delta.content);
    for (const annotation of (delta as { annotations?: ChatAnnotation[] }).annotations ?? []) this.annotate(annotation);
    for (const call of delta.tool_calls ?? []) this.toolCall(call);
    this.finish = choice?.finish_reason ?? this.finish;
    this.usage = chunk.usage ?? this.usage;
    return this.out;
  }

  /** The closing events once the chunks are done: the open item's, then completed or incomplete. */
  end(): ResponsesEvent[] {
    this.out = [];
    if (this.failure) return this.out;
    this.start();
    this.close();
    this.ended = true;
    const response = this.response();
    this.emit({ type: response.status === "incomplete" ? "response.incomplete" : "response.completed", response });
    return this.out;
  }

  /** The response as it stands: in progress, or finished once end() (or a failure) has run. Items done are not changed again. */
  response(): ResponsesResponse {
    const reason = this.finish ? INCOMPLETE[this.finish] : undefined;
    const status = this.failure ? "failed" : !this.ended ? "in_progress" : reason ? "incomplete" : "completed";
    return {
      ...this.envelope,
      model: this.model,
      status,
      error: this.failure,
      incomplete_details: status === "incomplete" && reason ? { reason } : null,
      output: [...this.output],
      usage: status === "in_progress" ? null : responsesUsage(this.usage),
    };
  }

  private emit(event: ResponsesEvent) {
    this.out.push(event);
  }

  private start() {
    if (this.started) return;
    this.started = true;
    const response = this.response();
    this.emit({ type: "response.created", response });
    this.emit({ type: "response.in_progress", response });
  }

  private begin<T extends Open>(open: T): T {
    this.close();
    this.open = open;
    this.output.push(open.item);
    // A copy as it is now: the item fills in after this event, which is encoded later in the same turn.
    const item: OutputItem = open.item.type === "message" ? { ...open.item, content: [] } : open.item.type === "reasoning" ? { ...open.item, summary: [] } : { ...open.item };
    this.emit({ type: "response.output_item.added", output_index: open.index, item });
    return open;
  }

  private where(open: Open) {
    return { item_id: open.item.id, output_index: open.index };
  }

  /** Thinking text goes to the item's summary; every detail (signatures too) to its encrypted_content. */
  private reasoning(delta: ChunkDelta) {
    const details = delta.reasoning_details ?? [];
    const text = delta.reasoning || details.map((d) => (d.type === "reasoning.text" ? (d.text ?? "") : "")).join("");
    if (!text && !details.length) return;
    const open = this.open?.kind === "reasoning" ? this.open
      : this.begin<OpenReasoning>({ kind: "reasoning", index: this.output.length, item: { id: itemId("rs"), type: "reasoning", summary: [] }, text: "", fragments: [] });
    open.fragments.push(...details);
    if (!text) return;
    if (!open.text) this.emit({ type: "response.reasoning_summary_part.added", ...this.where(open), summary_index: 0, part: { type: "summary_text", text: "" } });
    open.text += text;
    this.emit({ type: "response.reasoning_summary_text.delta", ...this.where(open), summary_index: 0, delta: text });
  }

  private message(): OpenMessage {
    if (this.open?.kind === "message") return this.open;
    const part: OutputText = { type: "output_text", text: "", annotations: [], logprobs: [] };
    const open = this.begin<OpenMessage>({ kind: "message", index: this.output.length, item: { id: itemId("msg"), type: "message", role: "assistant", status: "in_progress", content: [] }, part });
    this.emit({ type: "response.content_part.added", ...this.where(open), content_index: 0, part: { ...part, annotations: [] } });
    open.item.content.push(part);
    return open;
  }

  private text(delta: string) {
    const open = this.message();
    open.part.text += delta;
    this.emit({ type: "response.output_text.delta", ...this.where(open), content_index: 0, delta, logprobs: [] });
  }

  private annotate(annotation: ChatAnnotation) {
    const cite = annotation.url_citation;
    if (annotation.type !== "url_citation" || !cite) return;
    const open = this.message();
    const citation: UrlCitation = { type: "url_citation", url: cite.url, title: cite.title ?? "", start_index: cite.start_index ?? 0, end_index: cite.end_index ?? 0 };
    open.part.annotations.push(citation);
    this.emit({ type: "response.output_text.annotation.added", ...this.where(open), content_index: 0, annotation_index: open.part.annotations.length - 1, annotation: citation });
  }

  /** A new tool index opens a function_call item; later fragments are its argument deltas. */
  private toolCall(call: ToolCallDelta) {
    let open = this.toolItems.get(call.index);
    if (!open) {
      const item: FunctionCallItem = { id: itemId("fc"), type: "function_call", status: "in_progress", call_id: call.id || `call_${call.index}`, name: call.function?.name ?? "", arguments: "" };
      this.toolItems.set(call.index, (open = this.begin<OpenCall>({ kind: "function_call", index: this.output.length, item })));
    }
    const delta = call.function?.arguments;
    if (!delta) return;
    open.item.arguments += delta;
    this.emit({ type: "response.function_call_arguments.delta", ...this.where(open), delta });
  }

  /** The done events of the open item; a message cut by the token limit is incomplete. */
  private close() {
    const open = this.open;
    if (!open) return;
    this.open = null;
    const where = this.where(open);
    if (open.kind === "reasoning") {
      if (open.text) {
        open.item.summary.push({ type: "summary_text", text: open.text });
        this.emit({ type: "response.reasoning_summary_text.done", ...where, summary_index: 0, text: open.text });
        this.emit({ type: "response.reasoning_summary_part.done", ...where, summary_index: 0, part: { type: "summary_text", text: open.text } });
      }
      const details = open.fragments.length ? mergeReasoning(open.fragments) : [{ type: "reasoning.text" as const, text: open.text }];
      open.item.encrypted_content = encodeReasoning(details);
    } else if (open.kind === "message") {
      open.item.status = this.finish && INCOMPLETE[this.finish] ? "incomplete" : "completed";
      this.emit({ type: "response.output_text.done", ...where, content_index: 0, text: open.part.text, logprobs: [] });
      this.emit({ type: "response.content_part.done", ...where, content_index: 0, part: open.part });
    } else {
      open.item.status = "completed";
      this.emit({ type: "response.function_call_arguments.done", ...where, name: open.item.name, arguments: open.item.arguments });
    }
    this.emit({ type: "response.output_item.done", output_index: open.index, item: open.item });
  }
}
