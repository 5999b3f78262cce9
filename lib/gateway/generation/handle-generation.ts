import { authenticateApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { badRequest, notFound } from "@/lib/errors/gateway-error";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { getProvider } from "@/lib/providers/registry";
import { usageWriter } from "@/lib/usage/usage-writer";
import { LeanResponse } from "@/lib/http/lean-response";

type UsageRow = NonNullable<Awaited<ReturnType<typeof findOwn>>>;

/** OpenRouter's generation record as its SDK requires it: what we do not record is null. */
function openRouterGenerationFields(row: UsageRow) {
  const none = null;
  const cost = row.costMicros === null ? null : row.costMicros / 1_000_000;
  return {
    model: row.modelUsed ?? row.modelRequested,
    api_type: row.endpoint === "embeddings" ? "embeddings" : "completions",
    provider_name: row.provider ? (getProvider(row.provider)?.name ?? row.provider) : null,
    is_byok: true,
    data_region: "global",
    origin: "",
    tokens_prompt: row.promptTokens,
    tokens_completion: row.completionTokens,
    native_tokens_prompt: row.promptTokens,
    native_tokens_completion: row.completionTokens,
    native_tokens_cached: row.cachedTokens,
    native_tokens_reasoning: row.reasoningTokens,
    // OpenRouter's schema has these as numbers: an unknown price is 0 here, and cost_known says so.
    total_cost: cost ?? 0,
    usage: cost ?? 0,
    upstream_inference_cost: cost, cache_discount: none, generation_time: none, moderation_latency: none,
    native_tokens_completion_images: none, num_fetches: none, num_input_audio_prompt: none, num_media_completion: none,
    num_media_prompt: none, num_search_results: none, app_id: none, external_user: none, http_referer: row.appReferer,
    user_agent: none, preset_id: none, provider_responses: none, router: none, service_tier: none,
    upstream_id: none, web_search_engine: none, workspace_id: none,
  };
}

async function findOwn(id: string, tokenId: string) {
  const prisma = await db();
  return prisma.usageEvent.findFirst({ where: { id, tokenId } });
}

/** GET /api/v1/generation?id=…: the stored record of a generation, for the token that made it only. */
export async function handleGeneration(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const id = new URL(request.url).searchParams.get("id");
    if (!id) throw badRequest("Query parameter 'id' is required", "id");
    // The row may still sit in the usage buffer when asked for right after the response.
    let row = await findOwn(id, caller.tokenId);
    if (!row && usageWriter().pending() > 0) {
      await usageWriter().flush();
      row = await findOwn(id, caller.tokenId);
    }
    if (!row) throw notFound(`No generation with id '${id}'`);
    return LeanResponse.json({
      data: {
        id: row.id,
        model_requested: row.modelRequested,
        provider: row.provider,
        endpoint: row.endpoint,
        status: row.status,
        streamed: row.streamed,
        cancelled: row.cancelled,
        finish_reason: row.finishReason,
        native_finish_reason: row.nativeFinishReason,
        tokens_total: row.totalTokens,
        tokens_cached: row.cachedTokens,
        tokens_reasoning: row.reasoningTokens,
        tokens_cache_write: row.cacheWriteTokens,
        cost_known: row.costMicros !== null,
        cost_estimated: row.costEstimated,
        app_title: row.appTitle,
        app_referer: row.appReferer,
        latency: row.latencyMs,
        time_to_first_token: row.ttftMs,
        attempts: row.attempts,
        counted_message: row.countedMessage,
        error_type: row.errorType,
        error_message: row.errorMessage,
        created_at: row.createdAt.toISOString(),
        ...openRouterGenerationFields(row),
      },
    });
  } catch (error) {
    return errorResponseFor(request, error);
  }
}
