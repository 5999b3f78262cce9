import { authenticateApiToken } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { geminiErrorBody, geminiErrorResponse } from "@/lib/dialects/gemini/errors";
import { chatResponseToGemini } from "@/lib/dialects/gemini/from-chat-response";
import { generateRequestSchema } from "@/lib/dialects/gemini/schema";
import { encodeGeminiSse, geminiStreamEncoder } from "@/lib/dialects/gemini/stream";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { geminiToChatRequest } from "@/lib/dialects/gemini/to-chat-request";
import { notFound } from "@/lib/errors/gateway-error";
import { readJson } from "@/lib/http/read-json";
import { assertModelName } from "@/lib/providers/model-name";
import { geminiModelPath } from "@/lib/providers/gemini/request";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import type { Passthrough } from "@/lib/gateway/raw-passthrough";
import { admitTokenCount, COUNT_TOKENS_MAX_BYTES, countRequestTokens } from "@/lib/gateway/count-tokens/count-request-tokens";
import { SSE_HEADERS } from "@/lib/gateway/chat/handle-chat-completions";
import { answerHeaders, executeChat, rawResponse } from "@/lib/gateway/execute-chat";
import { clientSignal } from "@/lib/http/lean-request";

export type GeminiMethod = "generateContent" | "streamGenerateContent" | "countTokens";

/** `/v1beta/models/{model}:{method}`; the model may carry a provider prefix, encoded or not. */
export function parseGeminiPath(pathname: string): { model: string; method: GeminiMethod } | null {
  const match = /^\/v1beta\/models\/(.+):(generateContent|streamGenerateContent|countTokens)$/.exec(pathname);
  return match ? { model: decodeURIComponent(match[1]), method: match[2] as GeminiMethod } : null;
}

/** POST /v1beta/models/{model}:generateContent | :streamGenerateContent (?alt=sse) | :countTokens */
export async function handleGenerateContent(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const target = parseGeminiPath(url.pathname);
    if (!target) throw notFound(`No such method: ${url.pathname}`);
    const caller = await authenticateApiToken(request, url);
    assertModelName(target.model);
    const counting = target.method === "countTokens";
    if (counting) await admitTokenCount(caller);
    const input = generateRequestSchema.parse(await readJson(request, counting ? Math.min(env().MAX_BODY_BYTES, COUNT_TOKENS_MAX_BYTES) : env().MAX_BODY_BYTES));
    const stream = target.method === "streamGenerateContent";
    const chat = geminiToChatRequest(input, target.model, stream);
    if (counting) return Response.json({ totalTokens: await countRequestTokens(caller, chat, clientSignal(request)) });
    const sse = url.searchParams.get("alt") === "sse";
    // Google's JSON-array stream is translated; SSE and plain answers pass through untouched.
    const passthrough: Passthrough | undefined = stream && !sse ? undefined : {
      family: "gemini",
      build: (ctx) => ({
        url: `${ctx.baseUrl}/v1beta/${geminiModelPath(ctx.model)}:${stream ? "streamGenerateContent?alt=sse" : "generateContent"}`,
        method: "POST",
        headers: { "content-type": "application/json", ...authHeaders("x-goog-api-key", ctx.credential) },
        body: JSON.stringify(input),
      }),
      streamError: (error) => encodeGeminiSse(geminiErrorBody(error)),
    };
    const requestId = request.headers.get("x-request-id");
    const outcome = await executeChat(caller, chat, { endpoint: "gemini", signal: clientSignal(request), passthrough, requestId });
    const headers = answerHeaders(outcome);
    if (outcome.kind === "raw") return rawResponse(outcome);
    if (outcome.kind === "json") return Response.json(chatResponseToGemini(outcome.response), { headers });
    const body = encodedStream(outcome.chunks, geminiStreamEncoder(sse ? "sse" : "json-array"));
    return new Response(body, { headers: { ...headers, ...(sse ? SSE_HEADERS : { "content-type": "application/json; charset=utf-8" }) } });
  } catch (error) {
    return geminiErrorResponse(error);
  }
}
