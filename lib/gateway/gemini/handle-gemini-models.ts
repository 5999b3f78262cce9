import { decodePathPart } from "@/lib/http/decode-path";
import { assertModelName } from "@/lib/providers/model-name";
import { authenticateApiToken } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { geminiErrorResponse } from "@/lib/dialects/gemini/errors";
import { parseBatchEmbed, parseEmbedContent, geminiEmbedToEmbeddings, toBatchEmbedResponse, toEmbedContentResponse } from "@/lib/dialects/gemini/embed";
import { geminiModelName, geminiModelsPage, toGeminiModel } from "@/lib/dialects/gemini/models-list";
import { notFound } from "@/lib/errors/gateway-error";
import { readJson } from "@/lib/http/read-json";
import { executeEmbeddings } from "@/lib/gateway/embeddings/handle-embeddings";
import { newGenerationId } from "@/lib/gateway/generation-id";
import { visibleModels } from "@/lib/gateway/models/handle-models";
import { handleGenerateContent } from "./handle-generate-content";
import { LeanResponse } from "@/lib/http/lean-response";

const EMBED_PATH = /^\/v1beta\/models\/(.+):(embedContent|batchEmbedContents)$/;

/**
 * POST /v1beta/models/{model}:embedContent | :batchEmbedContents in Google's wire format, over
 * whichever of the caller's providers offers embeddings for the model (not counted as messages).
 */
export async function handleEmbedContent(request: Request): Promise<Response> {
  const id = newGenerationId();
  try {
    const url = new URL(request.url);
    const [, encoded, method] = EMBED_PATH.exec(url.pathname) ?? [];
    if (!encoded) throw notFound(`No such method: ${url.pathname}`);
    const caller = await authenticateApiToken(request, url);
    const model = decodePathPart(encoded);
    assertModelName(model);
    const body = await readJson(request, env().MAX_BODY_BYTES);
    const batch = method === "batchEmbedContents";
    const requests = batch ? parseBatchEmbed(body).requests : [parseEmbedContent(body)];
    const { attempt, result } = await executeEmbeddings(caller, geminiEmbedToEmbeddings(requests, model), id, request);
    const answer = batch ? toBatchEmbedResponse(result) : toEmbedContentResponse(result);
    return LeanResponse.json(answer, { headers: { "x-generation-id": id, "x-oauthrouter-provider": attempt.provider } });
  } catch (error) {
    return geminiErrorResponse(error);
  }
}

/** Any POST under /v1beta/models/: embeddings by their method names, everything else generateContent's. */
export function handleGeminiModelPost(request: Request): Promise<Response> {
  return EMBED_PATH.test(new URL(request.url).pathname) ? handleEmbedContent(request) : handleGenerateContent(request);
}

/** GET /v1beta/models: the caller's models as Google lists them, paged with pageSize / pageToken. */
export async function handleGeminiListModels(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    await authenticateApiToken(request, url);
    return LeanResponse.json(geminiModelsPage(await visibleModels(request, url), url.searchParams));
  } catch (error) {
    return geminiErrorResponse(error);
  }
}

/** GET /v1beta/models/{model}: one of the caller's models, by the name the list gives it (or its full id). */
export async function handleGeminiGetModel(request: Request, model: string): Promise<Response> {
  try {
    const url = new URL(request.url);
    await authenticateApiToken(request, url);
    const name = `models/${model}`;
    const entry = (await visibleModels(request, url)).find((e) => geminiModelName(e) === name || e.id === model);
    if (!entry) throw notFound(`Model '${name}' is not available`);
    return LeanResponse.json(toGeminiModel(entry));
  } catch (error) {
    return geminiErrorResponse(error);
  }
}
