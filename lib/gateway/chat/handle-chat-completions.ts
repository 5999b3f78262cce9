import { authenticateApiToken } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { readJson } from "@/lib/http/read-json";
import { answerHeaders, executeChat, rawResponse } from "@/lib/gateway/execute-chat";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { openAiKeepAlive, openAiSseEncoder } from "./openai-sse";
import { chatRequestSchema } from "./request-schema";
import { toChatRequest } from "./to-chat-request";
import { clientSignal } from "@/lib/http/lean-request";
import { forwardableHeaders } from "@/lib/gateway/forwarded-headers";
import { requestApp } from "@/lib/usage/request-app";

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** POST /v1/chat/completions: OpenAI's dialect in and out, any provider behind it. */
export async function handleChatCompletions(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const config = env();
    const chat = toChatRequest(chatRequestSchema.parse(await readJson(request, config.MAX_BODY_BYTES)));
    const outcome = await executeChat(caller, chat, {
      endpoint: "chat",
      signal: clientSignal(request),
      passHeaders: forwardableHeaders(request),
      requestId: request.headers.get("x-request-id"),
      app: requestApp(request.headers),
    });
    const headers = answerHeaders(outcome);
    if (outcome.kind === "raw") return rawResponse(outcome);
    if (outcome.kind === "json") return Response.json(outcome.response, { headers });
    return new Response(encodedStream(outcome.chunks, openAiSseEncoder(), openAiKeepAlive(config.STREAM_KEEPALIVE_MS)), {
      headers: { ...headers, ...SSE_HEADERS },
    });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
