import { authenticateApiToken, type Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { errorResponseFor, errorShapeFor } from "@/lib/errors/render-for-path";
import { readJson } from "@/lib/http/read-json";
import { answerHeaders, executeChat, rawResponse } from "@/lib/gateway/execute-chat";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { streamAnswer, type StreamDialect } from "@/lib/gateway/early-stream";
import type { ChatRequest } from "@/lib/providers/types";
import { OPENAI_KEEPALIVE, openAiKeepAlive, openAiSseEncoder, openAiStreamFailure } from "./openai-sse";
import { chatRequestSchema } from "./request-schema";
import { toChatRequest } from "./to-chat-request";
import { clientSignal } from "@/lib/http/lean-request";
import { forwardableHeaders } from "@/lib/gateway/forwarded-headers";
import { requestApp } from "@/lib/usage/request-app";
import { LeanResponse } from "@/lib/http/lean-response";

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** How an OpenAI-dialect stream starts, and fails while the upstream has not answered yet, in the error shape of the request's path. */
export function openAiStream(request: Request, model: string): StreamDialect {
  return { headers: SSE_HEADERS, keepAlive: OPENAI_KEEPALIVE, failure: (error) => openAiStreamFailure(error, errorShapeFor(request), model) };
}

async function answer(request: Request, caller: Caller, chat: ChatRequest, keepAliveMs: number): Promise<Response> {
  const outcome = await executeChat(caller, chat, {
    endpoint: "chat",
    signal: clientSignal(request),
    passHeaders: forwardableHeaders(request),
    requestId: request.headers.get("x-request-id"),
    app: requestApp(request.headers),
  });
  const headers = answerHeaders(outcome);
  if (outcome.kind === "raw") return rawResponse(outcome);
  if (outcome.kind === "json") return LeanResponse.json(outcome.response, { headers });
  return new LeanResponse(encodedStream(outcome.chunks, openAiSseEncoder(), openAiKeepAlive(keepAliveMs)), { headers: { ...headers, ...SSE_HEADERS } });
}

/** POST /v1/chat/completions: OpenAI's dialect in and out, any provider behind it. */
export async function handleChatCompletions(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const config = env();
    const chat = toChatRequest(chatRequestSchema.parse(await readJson(request, config.MAX_BODY_BYTES)));
    const pending = answer(request, caller, chat, config.STREAM_KEEPALIVE_MS);
    return chat.stream ? await streamAnswer(pending, openAiStream(request, chat.model), config.STREAM_KEEPALIVE_MS) : await pending;
  } catch (error) {
    return errorResponseFor(request, error);
  }
}
