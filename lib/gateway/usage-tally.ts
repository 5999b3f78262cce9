import type { Caller } from "@/lib/auth/api-token";
import type { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatChunk, ChatMessage, ChatResponse, Usage } from "@/lib/providers/types";
import { costFields, usageCost, type UsageCost } from "@/lib/pricing/usage-cost";
import type { MessageTicket } from "@/lib/quota/admit-message";
import { recordSpend } from "@/lib/quota/admit-spend";
import { countPromptTokens, countTokens, estimatePromptTokens, estimateTokens } from "@/lib/usage/count-tokens";
import { chartModelName } from "@/lib/usage/model-name";
import type { RequestApp } from "@/lib/usage/request-app";
import type { UsageRecord } from "@/lib/usage/usage-record";
import { grantReferralOnSuccess } from "@/lib/services/users/referral-on-success";
import { usageWriter } from "@/lib/usage/usage-writer";
import type { Attempt } from "./routing/plan-attempts";

type Outcome = { status: number; error?: GatewayError | StreamFailure; cancelled?: boolean };
type StreamFailure = { type: string; message: string; status?: number };

/** The HTTP status a provider's in-stream error stands for (Anthropic's overloaded is 529), else 502. */
function streamErrorStatus(code: unknown): number {
  const status = Number(code);
  return status >= 400 && status < 600 ? status : 502;
}

/** Collects what one request did (who answered, tokens, timings) and records it once. */
export class UsageTally {
  private readonly started = performance.now();
  private readonly startedAt = new Date();
  private firstTokenAt: number | null = null;
  /** The cost of `usage` at the provider that answered; null when its price is unknown. */
  private cost: UsageCost | null = null;
  /** Whether `cost` stands for the usage; a request nobody answered (or billed) cost nothing. */
  private priced = false;
  private spending: Promise<void> = Promise.resolve();
  private recorded = false;
  /** The message taken from the caller's limits, while it can still be given back. */
  ticket: MessageTicket | null = null;
  /** An error the upstream reported inside its stream (its own error event). */
  streamFailure: StreamFailure | null = null;
  attempt: Attempt | null = null;
  attempts = 0;
  modelUsed: string | null = null;
  usage: Usage | null = null;
  finishReason: string | null = null;
  nativeFinishReason: string | null = null;
  countedMessage = false;
  /** Output seen so far, kept only to count it when the provider reports no usage (e.g. a cancel). */
  private readonly output: string[] = [];
  messages: ChatMessage[] = [];

  constructor(
    readonly id: string,
    private readonly caller: Caller,
    private readonly endpoint: UsageRecord["endpoint"],
    private readonly modelRequested: string,
    private readonly streamed: boolean,
    private readonly app: RequestApp = { title: null, referer: null },
  ) {
    usageWriter().opened(streamed);
  }

  sawOutput(): boolean {
    return this.firstTokenAt !== null;
  }

  /** Prices a usage and notes the cost on it, as clients see it (`usage.cost`, OpenRouter's field). */
  private price(usage: Usage, estimated: boolean): void {
    if (!this.attempt) return;
    this.cost = usageCost(this.attempt.provider, [this.modelUsed, this.attempt.model], usage, estimated);
    this.priced = true;
    Object.assign(usage, costFields(this.cost));
  }

  observeResponse(response: ChatResponse): void {
    this.modelUsed = response.model;
    this.usage = response.usage;
    if (response.usage) this.price(response.usage, false);
    this.finishReason = response.choices[0]?.finish_reason ?? null;
    this.nativeFinishReason = response.choices[0]?.native_finish_reason ?? null;
  }

  observeChunk(chunk: ChatChunk): void {
    const choice = chunk.choices[0];
    const delta = choice?.delta;
    if (this.firstTokenAt === null && (delta?.content || delta?.reasoning || delta?.tool_calls?.length)) {
      this.firstTokenAt = performance.now();
    }
    if (delta?.content) this.output.push(delta.content);
    if (delta?.reasoning) this.output.push(delta.reasoning);
    for (const call of delta?.tool_calls ?? []) this.output.push(call.function?.name ?? "", call.function?.arguments ?? "");
    if (chunk.model) this.modelUsed = chunk.model;
    if (chunk.usage) {
      this.usage = chunk.usage;
      this.price(chunk.usage, false);
    }
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    if (choice?.native_finish_reason) this.nativeFinishReason = choice.native_finish_reason;
    if (chunk.error && !this.streamFailure) this.streamFailure = { type: chunk.error.type ?? "api_error", message: chunk.error.message, status: streamErrorStatus(chunk.error.code) };
  }

  /** Gives the message back, once, and only while the request is not yet recorded. */
  async giveBack(): Promise<void> {
    const ticket = this.ticket;
    if (this.recorded || !ticket) return;
    this.ticket = null;
    this.countedMessage = false;
    await ticket.refund();
  }

  finished(): boolean {
    return this.recorded;
  }

  finish(outcome: Outcome): void {
    if (this.recorded) return;
    this.recorded = true;
    usageWriter().closed(this.streamed);
    // A stream that ended with the upstream's own error event failed, whatever its HTTP status said.
    if (outcome.status === 200 && this.streamFailure) outcome = { status: this.streamFailure.status ?? 502, error: this.streamFailure };
    if (outcome.status === 200) grantReferralOnSuccess(this.caller);
    const latencyMs = Math.round(performance.now() - this.started);
    const finishedAt = new Date();
    if (this.usage || !this.attempt) return this.record(this.row(outcome, this.usage, latencyMs, finishedAt));
    // A count that fails still leaves the row, without tokens. Providers bill no failure that produced nothing.
    const billable = outcome.status < 400 || this.sawOutput();
    const counted = this.countUsage().catch(() => null).then((usage) => {
      if (usage && billable) this.price(usage, true);
      return this.row(outcome, usage, latencyMs, finishedAt);
    });
    usageWriter().recordWhenReady(counted.then((row) => (this.record(row, false), row)));
  }

  private record(row: UsageRecord, write = true): void {
    if (write) usageWriter().record(row);
    if (row.costMicros) this.spending = recordSpend(this.caller, this.id, row.costMicros, this.startedAt);
  }

  /** Resolves once the request's cost is on its token's budget counter (at once for a token without a budget). */
  spent(): Promise<void> {
    return this.spending;
  }

  /**
   * For the closing usage chunk of a stream whose provider reported none (some OpenAI-compatible
   * servers): an estimate, so the stream's end never waits on the tokenizer. The usage row is
   * counted with the tokenizer afterwards, off the response path (finish).
   */
  estimatedUsage(): Usage {
    const prompt = estimatePromptTokens(this.messages);
    const completion = estimateTokens(this.output.join(""));
    const usage: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
    // Priced for the client as estimated; the row is priced again once the tokenizer has counted.
    if (this.attempt) Object.assign(usage, costFields(usageCost(this.attempt.provider, [this.modelUsed, this.attempt.model], usage, true)));
    return usage;
  }

  /** Counted with a real tokenizer, in the caller's turn, for requests the provider never reported usage for. */
  private async countUsage(): Promise<Usage> {
    const options = { tenant: this.caller.userId };
    const [prompt, completion] = await Promise.all([countPromptTokens(this.messages, options), countTokens(this.output.join(""), options)]);
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  }

  private row(outcome: Outcome, usage: Usage | null, latencyMs: number, createdAt: Date): UsageRecord {
    return {
      id: this.id,
      userId: this.caller.userId,
      tokenId: this.caller.tokenId,
      credentialId: this.attempt && !this.attempt.credential.ephemeral ? this.attempt.credential.id : null,
      endpoint: this.endpoint,
      modelRequested: this.modelRequested,
      provider: this.attempt?.provider ?? null,
      modelUsed: this.modelUsed ?? this.attempt?.model ?? null,
      status: outcome.status,
      finishReason: outcome.cancelled ? this.finishReason ?? "cancelled" : this.finishReason,
      nativeFinishReason: this.nativeFinishReason,
      promptTokens: usage?.prompt_tokens ?? 0,
      completionTokens: usage?.completion_tokens ?? 0,
      totalTokens: usage?.total_tokens ?? 0,
      cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
      latencyMs,
      ttftMs: this.firstTokenAt === null ? null : Math.round(this.firstTokenAt - this.started),
      streamed: this.streamed,
      cancelled: outcome.cancelled ?? false,
      countedMessage: this.countedMessage,
      errorType: outcome.error?.type ?? null,
      errorMessage: outcome.error?.message.slice(0, 500) ?? null,
      attempts: Math.max(1, this.attempts),
      model: chartModelName(this.attempt?.provider ?? null, this.modelUsed ?? this.attempt?.model ?? null, this.modelRequested),
      cacheWriteTokens: usage?.prompt_tokens_details?.cache_write_tokens ?? 0,
      costMicros: this.priced ? (this.cost?.micros ?? null) : 0,
      costEstimated: this.priced && Boolean(this.cost?.estimated),
      appTitle: this.app.title,
      appReferer: this.app.referer,
      createdAt,
    };
  }
}
