import { authenticateApiToken } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { GatewayError } from "@/lib/errors/gateway-error";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { readJson } from "@/lib/http/read-json";
import { adapterFor } from "@/lib/providers/adapters";
import { getProvider } from "@/lib/providers/registry";
import type { EmbeddingsRequest, EmbeddingsResponse } from "@/lib/providers/types";
import type { Caller } from "@/lib/auth/api-token";
import type { UsageRecord } from "@/lib/usage/usage-record";
import { newGenerationId } from "@/lib/gateway/generation-id";
import { planAttempts, type Attempt } from "@/lib/gateway/routing/plan-attempts";
import { tryAttempts } from "@/lib/gateway/try-attempts";
import { callUpstream } from "@/lib/gateway/upstream/call-upstream";
import { upstreamContext } from "@/lib/gateway/upstream/upstream-context";
import { grantReferralOnSuccess } from "@/lib/services/users/referral-on-success";
import { usageWriter } from "@/lib/usage/usage-writer";
import { usageCost } from "@/lib/pricing/usage-cost";
import { admitSpend, recordSpend } from "@/lib/quota/admit-spend";
import { chartModelName } from "@/lib/usage/model-name";
import { requestApp } from "@/lib/usage/request-app";
import { embeddingsRequestSchema } from "./request-schema";
import { clientSignal } from "@/lib/http/lean-request";
import { LeanResponse } from "@/lib/http/lean-response";

function embeddingsUsage(id: string, caller: Caller, attempt: Attempt, requested: string, result: EmbeddingsResponse, latencyMs: number, headers: Headers): UsageRecord {
  const usage = { prompt_tokens: result.usage.prompt_tokens, completion_tokens: 0, total_tokens: result.usage.total_tokens };
  const cost = usageCost(attempt.provider, [result.model, attempt.model], usage);
  const app = requestApp(headers);
  return {
    id, userId: caller.userId, tokenId: caller.tokenId, credentialId: attempt.credential.id, endpoint: "embeddings",
    modelRequested: requested, provider: attempt.provider, modelUsed: result.model, status: 200, finishReason: null,
    nativeFinishReason: null, promptTokens: result.usage.prompt_tokens, completionTokens: 0, totalTokens: result.usage.total_tokens,
    cachedTokens: 0, reasoningTokens: 0, latencyMs: Math.round(latencyMs), ttftMs: null, streamed: false,
    cancelled: false, countedMessage: false, errorType: null, errorMessage: null, attempts: 1,
    model: chartModelName(attempt.provider, result.model, requested), cacheWriteTokens: 0, costMicros: cost?.micros ?? null,
    costEstimated: false, appTitle: app.title, appReferer: app.referer, createdAt: new Date(),
  };
}

/**
 * Embeddings routed like chat (credentials, fallbacks), never counted as a message; recorded as
 * a usage row with its cost. Shared by /v1/embeddings and Gemini's :embedContent / :batchEmbedContents.
 */
export async function executeEmbeddings(caller: Caller, body: EmbeddingsRequest, id: string, request: Request): Promise<{ attempt: Attempt; result: EmbeddingsResponse }> {
  const started = performance.now();
  const startedAt = new Date();
  await admitSpend(caller, startedAt);
  const attempts = (await planAttempts(caller, [body.model])).filter((a) => adapterFor(getProvider(a.provider)!.family).buildEmbeddingsRequest && getProvider(a.provider)?.embeddings);
  if (attempts.length === 0) throw new GatewayError(400, "invalid_request_error", `No configured provider offers embeddings for '${body.model}'`, { param: "model" });
  const { attempt, value: result } = await tryAttempts(caller, attempts, async (attempt) => {
    const context = upstreamContext(attempt, id, Math.floor(Date.now() / 1000));
    const adapter = adapterFor(getProvider(attempt.provider)!.family);
    const upstream = await callUpstream(attempt.provider, adapter, adapter.buildEmbeddingsRequest!({ ...body, model: attempt.model }, context), clientSignal(request), { userSuppliedHost: Boolean(attempt.credential.baseUrl) });
    return adapter.parseEmbeddingsResponse!(await upstream.json(), context, body);
  }, request.headers.get("x-request-id"));
  const row = embeddingsUsage(id, caller, attempt, body.model, result, performance.now() - started, request.headers);
  usageWriter().record(row);
  await recordSpend(caller, id, row.costMicros ?? 0, startedAt);
  grantReferralOnSuccess(caller);
  return { attempt, result };
}

/** POST /v1/embeddings */
export async function handleEmbeddings(request: Request): Promise<Response> {
  const id = newGenerationId();
  try {
    const caller = await authenticateApiToken(request);
    const body = embeddingsRequestSchema.parse(await readJson(request, env().MAX_BODY_BYTES)) as EmbeddingsRequest;
    const { attempt, result } = await executeEmbeddings(caller, body, id, request);
    return LeanResponse.json(result, { headers: { "x-generation-id": id, "x-oauthrouter-provider": attempt.provider } });
  } catch (error) {
    return errorResponseFor(request, error, { "x-generation-id": id });
  }
}
