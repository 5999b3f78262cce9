import { authenticateApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { badRequest, notFound } from "@/lib/errors/gateway-error";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { getProvider } from "@/lib/providers/registry";
import { usageWriter } from "@/lib/usage/usage-writer";

type UsageRow = NonNullable<Awaited<ReturnType<typeof findOwn>>>;

/** OpenRouter's generation record as its SDK requires it: what we do not record is null (costs 0). */
function openRouterGenerationFields(row: UsageRow) {
  const none = null;
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
    total_cost: 0,
    usage: 0,
    upstream_inference_cost: none, cache_discount: none, generation_time: none, moderation_latency: none,
    native_tokens_completion_images: none, num_fetches: none, num_input_audio_prompt: none, num_media_completion: none,
    num_media_prompt: none, num_search_results: none, app_id: none, external_user: none, http_referer: none,
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
    return Response.json({
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
    return openAiErrorResponse(error);
  }
}
