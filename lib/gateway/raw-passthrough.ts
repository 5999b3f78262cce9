import { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatChunk, ProviderAdapter, SseEvent, SyncTransformer, UpstreamContext, UpstreamRequest, WireFamily } from "@/lib/providers/types";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import { pricedFields } from "@/lib/pricing/usage-cost";
import { getProvider } from "@/lib/providers/registry";
import { readSseThrough } from "@/lib/sse/read-sse-through";
import type { ByteSink, ByteSource } from "@/lib/http/pull-stream";
import { recordStreamFailure } from "./accounted-chunks";
import type { Attempt } from "./routing/plan-attempts";
import type { UsageTally } from "./usage-tally";
import { callUpstream, type UpstreamResponse } from "./upstream/call-upstream";
import { redactDeep, redactJsonText, type Redactor } from "@/lib/security/redact";
import { redactedError, upstreamNetworkError, upstreamStreamError } from "./upstream/upstream-error";

/**
 * A request that arrived in a provider's own dialect and goes to that provider: its body is sent
 * as the client wrote it (only the model id changes), so fields we do not model are not lost.
 */
export interface Passthrough {
  family: WireFamily;
  build(ctx: UpstreamContext): UpstreamRequest;
  /** How the client's dialect says, inside a stream, that it failed (its final event). */
  streamError(error: GatewayError): Uint8Array;
  /** Whether this attempt gets the client's own body (default: every attempt of the family). */
  accepts?(attempt: Attempt, ctx: UpstreamContext): boolean;
  /** The upstream answered that it has no such endpoint: the attempt is then translated instead. */
  lacksEndpoint?(error: unknown, ctx: UpstreamContext): boolean;
  /** Why the request cannot be translated for another provider, when it cannot. */
  untranslatable?: GatewayError;
  /** Reads the upstream's answer aside, when the family's chat adapter cannot (default: the adapter). */
  reader?: Pick<ProviderAdapter, "parseChatResponse" | "createStreamTransformer">;
  /** Awaited when the upstream's stream has ended well, before the client's stream closes. */
  settle?(): Promise<void>;
  /** Changes an event before the client sees it (what the client's request implies and the upstream could not know). */
  rewrite?(event: SseEvent): SseEvent;
}

/**
 * Sends one attempt: the client's own body when the passthrough takes it, else our translation
 * (refused when the request cannot be translated). An upstream without the endpoint gets the translation.
 */
export async function sendAttempt(
  attempt: Attempt,
  adapter: ProviderAdapter,
  ctx: UpstreamContext,
  translated: () => Promise<UpstreamRequest>,
  signal: AbortSignal,
  passthrough?: Passthrough,
): Promise<{ response: UpstreamResponse; raw: boolean }> {
  const destination = { userSuppliedHost: Boolean(attempt.credential.baseUrl) };
  // A variant's changes (reasoning, web search) need our own request, not the client's bytes.
  if (passthrough?.family === adapter.family && !attempt.overrides && (passthrough.accepts?.(attempt, ctx) ?? true)) {
    try {
      return { response: await callUpstream(attempt.provider, adapter, passthrough.build(ctx), signal, destination), raw: true };
    } catch (error) {
      if (!passthrough.lacksEndpoint?.(error, ctx)) throw error;
    }
  }
  if (passthrough?.untranslatable) throw passthrough.untranslatable;
  return { response: await callUpstream(attempt.provider, adapter, await translated(), signal, destination), raw: false };
}

/** Where each dialect keeps usage in its JSON answer. */
const USAGE_FIELD: Partial<Record<WireFamily, string>> = { anthropic: "usage", gemini: "usageMetadata", openai: "usage" };

/** The upstream's answer with the request's cost added to its usage object (an extra field SDKs ignore). */
function withCost(text: string, body: unknown, family: WireFamily, tally: UsageTally): string {
  const field = USAGE_FIELD[family];
  const usage = field && body && typeof body === "object" ? (body as Record<string, unknown>)[field] : undefined;
  if (!usage || typeof usage !== "object" || tally.usage?.cost === undefined) return text;
  return JSON.stringify({ ...(body as object), [field!]: { ...usage, ...pricedFields(tally.usage) } });
}

/** The upstream's JSON answer, field for field, with its cost added; read aside for usage. */
export async function rawJson(response: UpstreamResponse, adapter: Pick<ProviderAdapter, "parseChatResponse">, ctx: UpstreamContext, tally: UsageTally): Promise<string> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw upstreamNetworkError(ctx.provider, error, "while sending its answer");
  }
  const body = parseJsonOr(text, undefined);
  try {
    tally.observeResponse(adapter.parseChatResponse(body, ctx));
  } catch {
    throw new GatewayError(502, "api_error", `${ctx.provider} returned a response that could not be read`, { metadata: { provider: ctx.provider } });
  }
  return withCost(text, body, getProvider(ctx.provider)?.family ?? "openai", tally);
}

/** One SSE event as the upstream sent it (field for field; line endings normalised). */
function encodeEvent(event: SseEvent): string {
  const data = event.data.includes("\n") ? event.data.split("\n").map((line) => `data: ${line}\n`).join("") : `data: ${event.data}\n`;
  return `${event.event ? `event: ${event.event}\n` : ""}${event.id ? `id: ${event.id}\n` : ""}${data}\n`;
}

/**
 * The adapter's transformer, watching: each event is read by it first (for the usage row) and
 * passes on unchanged only if it could be read, so a malformed event stops the stream before it
 * is forwarded. The upstream's own error event passes with its words masked by `redact`. A cut
 * stream fails in flush, as it does when translated.
 */
function observedBy(converter: SyncTransformer<SseEvent, ChatChunk>, tally: UsageTally, redact: Redactor): SyncTransformer<SseEvent, SseEvent> {
  let terminated = false;
  let failed = false;
  const observer: TransformStreamDefaultController<ChatChunk> = {
    desiredSize: 1,
    enqueue: (chunk) => {
      if (!chunk) return;
      if (chunk.error) failed = true;
      tally.observeChunk(chunk.error ? { ...chunk, error: redactDeep(chunk.error, redact) } : chunk);
    },
    error: (reason) => {
      throw reason;
    },
    terminate: () => void (terminated = true),
  };
  return {
    transform(event, controller) {
      if (!terminated) converter.transform(event, observer);
      controller.enqueue(failed ? { ...event, data: redactJsonText(event.data, redact) } : event);
      failed = false;
    },
    flush: () => {
      if (!terminated) converter.flush?.(observer);
    },
  };
}

/**
 * The upstream's stream, event by event as it arrives, each read by the adapter first (for the
 * usage row) so that only events it could read reach the client. A malformed event, a broken
 * connection or the upstream's own error event ends the stream with the dialect's error event.
 */
export function rawStream(response: UpstreamResponse, adapter: Pick<ProviderAdapter, "createStreamTransformer">, ctx: UpstreamContext, tally: UsageTally, passthrough: Passthrough, requestId?: string | null): ByteSource {
  // An over-long event fails the reader: the pull's catch ends the stream with the dialect's error event.
  const reader = readSseThrough(response.chunks(), observedBy(adapter.createStreamTransformer(ctx), tally, response.redact));
  let ended = false;

  async function fail(sink: ByteSink, failure: GatewayError): Promise<void> {
    ended = true;
    sink.enqueue(passthrough.streamError(failure));
    await recordStreamFailure(tally, { type: failure.type, message: failure.message, status: failure.status }, requestId);
    sink.close();
    await reader.cancel().catch(() => undefined);
  }

  return {
    async pull(sink) {
      try {
        const { done, value } = await reader.read();
        if (ended) return;
        if (!done) return sink.enqueue(Buffer.from(encodeEvent(passthrough.rewrite ? passthrough.rewrite(value) : value), "utf8"));
        ended = true;
        if (tally.streamFailure) await recordStreamFailure(tally, tally.streamFailure, requestId);
        else {
          tally.finish({ status: 200 });
          await passthrough.settle?.();
        }
        await tally.spent();
        sink.close();
      } catch (error) {
        if (ended || tally.finished()) return;
        await fail(sink, redactedError(upstreamStreamError(ctx.provider, error), response.redact));
      }
    },
    async cancel(reason) {
      ended = true;
      tally.finish({ status: 499, cancelled: true });
      await reader.cancel(reason).catch(() => undefined);
    },
  };
}
