import { authenticateApiToken, type Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { geminiErrorResponse } from "@/lib/dialects/gemini/errors";
import { chatResponseToGemini } from "@/lib/dialects/gemini/from-chat-response";
import { generateRequestSchema, type GenerateRequest } from "@/lib/dialects/gemini/schema";
import { geminiKeepAlive, geminiStreamEncoder, geminiStreamFailure, type GeminiStreamFormat } from "@/lib/dialects/gemini/stream";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { streamAnswer, type StreamDialect } from "@/lib/gateway/early-stream";
import type { ChatRequest } from "@/lib/providers/types";
import { geminiToChatRequest } from "@/lib/dialects/gemini/to-chat-request";
import { notFound } from "@/lib/errors/gateway-error";
import { decodePathPart } from "@/lib/http/decode-path";
import { readJson } from "@/lib/http/read-json";
import { assertModelName } from "@/lib/providers/model-name";
import { geminiModelPath } from "@/lib/providers/gemini/request";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import type { Passthrough } from "@/lib/gateway/raw-passthrough";
import { admitTokenCount, COUNT_TOKENS_MAX_BYTES, countRequestTokens } from "@/lib/gateway/count-tokens/count-request-tokens";
import { SSE_HEADERS } from "@/lib/gateway/chat/handle-chat-completions";
import { answerHeaders, executeChat, rawResponse } from "@/lib/gateway/execute-chat";
import { clientSignal } from "@/lib/http/lean-request";
import { forwardableHeaders } from "@/lib/gateway/forwarded-headers";
import { requestApp } from "@/lib/usage/request-app";
import { LeanResponse } from "@/lib/http/lean-response";

export type GeminiMethod = "generateContent" | "streamGenerateContent" | "countTokens";

/** `/v1beta/models/{model}:{method}`; the model may carry a provider prefix, encoded or not. */
export function parseGeminiPath(pathname: string): { model: string; method: GeminiMethod } | null {
  const match = /^\/v1beta\/models\/(.+):(generateContent|streamGenerateContent|countTokens)$/.exec(pathname);
  return match ? { model: decodePathPart(match[1]), method: match[2] as GeminiMethod } : null;
}

const GEMINI_STREAM: Record<GeminiStreamFormat, StreamDialect> = {
  sse: { headers: SSE_HEADERS, keepAlive: geminiKeepAlive("sse"), failure: (error) => geminiStreamFailure("sse", error) },
  "json-array": { headers: { "content-type": "application/json; charset=utf-8" }, keepAlive: geminiKeepAlive("json-array"), failure: (error) => geminiStreamFailure("json-array", error) },
};

interface GeminiCall {
  input: GenerateRequest;
  chat: ChatRequest;
  /** Streamed answers only: SSE (`?alt=sse`) or Google's JSON array. */
  format?: GeminiStreamFormat;
}

async function answer(request: Request, caller: Caller, { input, chat, format }: GeminiCall): Promise<Response> {
  // Google's JSON-array stream is translated; SSE and plain answers pass through untouched.
  const passthrough: Passthrough | undefined = format === "json-array" ? undefined : {
    family: "gemini",
    build: (ctx) => ({
      url: `${ctx.baseUrl}/v1beta/${geminiModelPath(ctx.model)}:${format ? "streamGenerateContent?alt=sse" : "generateContent"}`,
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders("x-goog-api-key", ctx.credential) },
      body: JSON.stringify(input),
    }),
    streamError: (error) => geminiStreamFailure("sse", error),
  };
  const requestId = request.headers.get("x-request-id");
  const outcome = await executeChat(caller, chat, { endpoint: "gemini", signal: clientSignal(request), passHeaders: forwardableHeaders(request), passthrough, requestId, app: requestApp(request.headers) });
  const headers = answerHeaders(outcome);
  if (outcome.kind === "raw") return rawResponse(outcome);
  if (outcome.kind === "json") return LeanResponse.json(chatResponseToGemini(outcome.response), { headers });
  const streamed = format ?? "json-array";
  const keepAlive = { everyMs: env().STREAM_KEEPALIVE_MS, bytes: geminiKeepAlive(streamed) };
  return new LeanResponse(encodedStream(outcome.chunks, geminiStreamEncoder(streamed), keepAlive), { headers: { ...headers, ...GEMINI_STREAM[streamed].headers } });
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
    if (counting) return LeanResponse.json({ totalTokens: await countRequestTokens(caller, chat, clientSignal(request)) });
    if (!stream) return await answer(request, caller, { input, chat });
    const format: GeminiStreamFormat = url.searchParams.get("alt") === "sse" ? "sse" : "json-array";
    return await streamAnswer(answer(request, caller, { input, chat, format }), GEMINI_STREAM[format], env().STREAM_KEEPALIVE_MS);
  } catch (error) {
    return geminiErrorResponse(error);
  }
}
