import type { Caller } from "@/lib/auth/api-token";
import { GatewayError, isGatewayError } from "@/lib/errors/gateway-error";
import { headerValue } from "@/lib/http/header-value";
import { adapterFor } from "@/lib/providers/adapters";
import { getProvider } from "@/lib/providers/registry";
import type { ChatChunk, ChatRequest, ChatResponse, ProviderAdapter, UpstreamContext } from "@/lib/providers/types";
import { admitMessage } from "@/lib/quota/admit-message";
import { admitSpend } from "@/lib/quota/admit-spend";
import type { RequestApp } from "@/lib/usage/request-app";
import { errorReason, log } from "@/lib/observability/logger";
import { readSseThrough, type ChunkReader } from "@/lib/sse/read-sse-through";
import type { UsageRecord } from "@/lib/usage/usage-record";
import { accountedChunks } from "./accounted-chunks";
import { rawJson, rawStream, sendAttempt, type Passthrough } from "./raw-passthrough";
import { newGenerationId } from "./generation-id";
import { inlineRemoteImages } from "./inline-remote-images";
import { reportCredentialSuccess } from "./routing/credential-health";
import { recordLatency } from "./routing/latency-book";
import { planAttempts, type Attempt } from "./routing/plan-attempts";
import type { UsableCredential } from "./routing/user-credentials";
import { routingState } from "./routing/routing-state";
import { tryAttempts } from "./try-attempts";
import type { UpstreamResponse } from "./upstream/call-upstream";
import { upstreamNetworkError } from "./upstream/upstream-error";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import { upstreamContext } from "./upstream/upstream-context";
import { middleOut, modelLimits } from "./transforms/middle-out";
import { UsageTally } from "./usage-tally";
import { LeanResponse } from "@/lib/http/lean-response";
import type { ByteSource } from "@/lib/http/pull-stream";

export interface ChatExecutionOptions {
  endpoint: UsageRecord["endpoint"];
  signal: AbortSignal;
  /** Client headers an upstream of the same dialect should see (anthropic-beta). */
  passHeaders?: Record<string, string>;
  /** Send the client's own body when the chosen provider speaks the client's dialect. */
  passthrough?: Passthrough;
  /** The caller's own credential for this request only, instead of routing over stored ones. */
  ownCredential?: UsableCredential;
  /** The HTTP request's id (x-request-id), for the log lines of this request. */
  requestId?: string | null;
  /** The calling app (X-Title, HTTP-Referer), recorded on the usage row. */
  app?: RequestApp;
}

interface Answered {
  attempt: Attempt;
  response: UpstreamResponse;
  context: UpstreamContext;
  adapter: ProviderAdapter;
  raw: boolean;
}

export type ChatOutcome =
  | { kind: "json"; id: string; attempt: Attempt; response: ChatResponse }
  | { kind: "stream"; id: string; attempt: Attempt; chunks: ChunkReader<ChatChunk> }
  /** The provider's own bytes, for a client of the same dialect. */
  | { kind: "raw"; id: string; attempt: Attempt; body: string | ByteSource; contentType: string };

/**
 * The request as one target should get it, made once per provider and model: its variant's
 * changes, Gemini's images fetched, and middle-out for the model's context. OpenRouter gets the
 * request as the client sent it (it applies transforms itself).
 */
function targetRequests(chat: ChatRequest, signal: AbortSignal): (attempt: Attempt) => Promise<ChatRequest> {
  const prepared = new Map<string, Promise<ChatRequest>>();
  let withInlineImages: Promise<ChatRequest> | undefined;
  const prepare = async (attempt: Attempt): Promise<ChatRequest> => {
    // Gemini takes image bytes, not URLs: fetch them once, whichever attempt needs them.
    const source = getProvider(attempt.provider)!.family === "gemini" ? await (withInlineImages ??= inlineRemoteImages(chat, signal)) : chat;
    const shaped = { ...source, ...attempt.overrides, model: attempt.model };
    return attempt.provider === "openrouter" ? shaped : middleOut(shaped, modelLimits(attempt.provider, attempt.model));
  };
  return (attempt) => {
    const key = `${attempt.provider}\u0000${attempt.model}`;
    if (!prepared.has(key)) prepared.set(key, prepare(attempt));
    return prepared.get(key)!;
  };
}

/** The first attempt whose upstream answers with a success status. */
async function firstAnswer(caller: Caller, attempts: Attempt[], chat: ChatRequest, tally: UsageTally, created: number, options: ChatExecutionOptions): Promise<Answered> {
  const requestFor = targetRequests(chat, options.signal);
  const { value } = await tryAttempts(caller, attempts, async (attempt) => {
    tally.attempts += 1;
    tally.attempt = attempt;
    const context = upstreamContext(attempt, tally.id, created, options.passHeaders);
    const family = getProvider(attempt.provider)!.family;
    const adapter = adapterFor(family);
    const translated = async () => adapter.buildChatRequest(await requestFor(attempt), context);
    const started = performance.now();
    const { response, raw } = await sendAttempt(attempt, adapter, context, translated, options.signal, options.passthrough);
    recordLatency(attempt.credential.id, attempt.model, performance.now() - started);
    routingState().recordUse(attempt.credential.id);
    reportCredentialSuccess(attempt.credential.id);
    return { attempt, response, context, adapter, raw };
  }, options.requestId);
  return value;
}

async function readJsonResponse(answered: Answered): Promise<ChatResponse> {
  const { provider } = answered.attempt;
  let text: string;
  try {
    text = await answered.response.text();
  } catch (error) {
    throw upstreamNetworkError(provider, error, "while sending its answer");
  }
  const body = parseJsonOr(text, undefined);
  if (body === undefined) throw new GatewayError(502, "api_error", `${provider} returned a response that is not JSON`, { metadata: { provider } });
  return answered.adapter.parseChatResponse(body, answered.context);
}

/**
 * The gateway's core for every chat dialect: plan where the request can go, take a message from
 * the caller's limits, try the attempts, and hand back a response or a stream of our chunks.
 */
export async function executeChat(caller: Caller, chat: ChatRequest, options: ChatExecutionOptions): Promise<ChatOutcome> {
  const id = newGenerationId();
  const created = Math.floor(Date.now() / 1000);
  const modelIds = [...new Set([chat.model, ...((chat.models as string[] | undefined) ?? [])].filter(Boolean))];
  const tally = new UsageTally(id, caller, options.endpoint, modelIds[0], Boolean(chat.stream), options.app);
  tally.messages = chat.messages;
  try {
    const attempts = options.ownCredential ? ownAttempts(modelIds[0], options.ownCredential) : await planAttempts(caller, modelIds, { chat, affinityKey: chat.user });
    await admitSpend(caller);
    tally.ticket = await admitMessage(caller, id);
    tally.countedMessage = true;
    const answered = await firstAnswer(caller, attempts, chat, tally, created, options);
    if (answered.raw) return await rawOutcome(answered, chat, tally, options);
    if (!chat.stream) {
      const response = await readJsonResponse(answered);
      // OpenAI's and OpenRouter's schemas require system_fingerprint; only some providers send one.
      Object.assign(response, { id, provider: answered.attempt.provider, system_fingerprint: response.system_fingerprint ?? null });
      tally.observeResponse(response);
      tally.finish({ status: 200 });
      await tally.spent();
      return { kind: "json", id, attempt: answered.attempt, response };
    }
    const converted = readSseThrough(answered.response.chunks(), answered.adapter.createStreamTransformer(answered.context));
    const chunks = accountedChunks(converted, tally, created, answered.response.redact, options.requestId);
    return { kind: "stream", id, attempt: answered.attempt, chunks };
  } catch (error) {
    const cancelled = options.signal.aborted;
    const failure = isGatewayError(error) ? error : new GatewayError(502, "api_error", "The upstream request failed");
    if (!isGatewayError(error) && !cancelled) log.error("chat failed", { requestId: options.requestId, generationId: id, error: errorReason(error) });
    await tally.giveBack();
    tally.finish({ status: cancelled ? 499 : failure.status, error: failure, cancelled });
    failure.headers["x-generation-id"] = id;
    throw failure;
  }
}

function ownAttempts(modelId: string, credential: UsableCredential): Attempt[] {
  const model = modelId.replace(/^anthropic\//, "");
  return [{ provider: credential.provider, model, requested: modelId, credential }];
}

async function rawOutcome(answered: Answered, chat: ChatRequest, tally: UsageTally, options: ChatExecutionOptions): Promise<ChatOutcome> {
  const { attempt, response, context } = answered;
  const adapter = options.passthrough?.reader ?? answered.adapter;
  const contentType = response.headers.get("content-type") ?? (chat.stream ? "text/event-stream" : "application/json");
  if (!chat.stream) {
    const body = await rawJson(response, adapter, context, tally);
    tally.finish({ status: 200 });
    await tally.spent();
    return { kind: "raw", id: tally.id, attempt, body, contentType };
  }
  const body = rawStream(response, adapter, context, tally, options.passthrough!, options.requestId);
  return { kind: "raw", id: tally.id, attempt, body, contentType };
}

export function answerHeaders(outcome: ChatOutcome): Record<string, string> {
  return {
    "x-generation-id": outcome.id,
    "x-oauthrouter-provider": outcome.attempt.provider,
    "x-oauthrouter-model": headerValue(outcome.attempt.model),
  };
}

export function rawResponse(outcome: Extract<ChatOutcome, { kind: "raw" }>): Response {
  return new LeanResponse(outcome.body, { headers: { ...answerHeaders(outcome), "content-type": outcome.contentType, "cache-control": "no-cache" } });
}
