import { authenticateApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { badRequest, notFound } from "@/lib/errors/gateway-error";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { usageWriter } from "@/lib/usage/usage-writer";

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
        model: row.modelUsed,
        model_requested: row.modelRequested,
        provider: row.provider,
        endpoint: row.endpoint,
        status: row.status,
        streamed: row.streamed,
        cancelled: row.cancelled,
        finish_reason: row.finishReason,
        native_finish_reason: row.nativeFinishReason,
        tokens_prompt: row.promptTokens,
        tokens_completion: row.completionTokens,
        tokens_total: row.totalTokens,
        tokens_cached: row.cachedTokens,
        tokens_reasoning: row.reasoningTokens,
        tokens_cache_write: row.cacheWriteTokens,
        // Dollars at the provider's prices; null when the model's price is unknown.
        total_cost: row.costMicros === null ? null : row.costMicros / 1_000_000,
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
      },
    });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
