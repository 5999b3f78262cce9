import { authenticateApiToken, type Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { anthropicErrorResponse } from "@/lib/dialects/anthropic/errors";
import { chatResponseToAnthropic } from "@/lib/dialects/anthropic/from-chat-response";
import { messagesRequestSchema, type MessagesRequest } from "@/lib/dialects/anthropic/schema";
import { ANTHROPIC_PING, anthropicStreamEncoder, anthropicStreamFailure } from "@/lib/dialects/anthropic/stream";
import { anthropicToChatRequest } from "@/lib/dialects/anthropic/to-chat-request";
import { readJson } from "@/lib/http/read-json";
import { anthropicHeaders } from "@/lib/providers/anthropic/headers";
import type { Passthrough } from "@/lib/gateway/raw-passthrough";
import { callerAnthropicCredential, forwardedHeaders } from "./caller-credential";
import { admitTokenCount, COUNT_TOKENS_MAX_BYTES, countRequestTokens } from "@/lib/gateway/count-tokens/count-request-tokens";
import { SSE_HEADERS } from "@/lib/gateway/chat/handle-chat-completions";
import { answerHeaders, executeChat, rawResponse } from "@/lib/gateway/execute-chat";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { streamAnswer, type StreamDialect } from "@/lib/gateway/early-stream";
import { clientSignal } from "@/lib/http/lean-request";
import { forwardableHeaders } from "@/lib/gateway/forwarded-headers";
import { requestApp } from "@/lib/usage/request-app";
import { LeanResponse } from "@/lib/http/lean-response";

/** Client headers Anthropic should see when the request ends up there (and OpenRouter's attribution, for an OpenRouter credential). */
function anthropicPassHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = forwardableHeaders(request);
  for (const name of ["anthropic-beta", "anthropic-version"]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  return headers;
}

const ANTHROPIC_STREAM: StreamDialect = { headers: SSE_HEADERS, keepAlive: ANTHROPIC_PING, failure: anthropicStreamFailure };

async function answer(request: Request, caller: Caller, input: MessagesRequest): Promise<Response> {
  const ownCredential = callerAnthropicCredential(request) ?? undefined;
  const passthrough: Passthrough = {
    family: "anthropic",
    build: (ctx) => ({
      url: `${ctx.baseUrl}/v1/messages`,
      method: "POST",
      // A caller's own credential travels with the caller's own headers, untouched.
      headers: ownCredential ? forwardedHeaders(request) : anthropicHeaders(ctx, Boolean(input.stream)),
      body: JSON.stringify({ ...input, model: ctx.model }),
    }),
    streamError: anthropicStreamFailure,
  };
  const requestId = request.headers.get("x-request-id");
  const options = { endpoint: "messages" as const, signal: clientSignal(request), passHeaders: anthropicPassHeaders(request), passthrough, ownCredential, requestId, app: requestApp(request.headers) };
  const outcome = await executeChat(caller, anthropicToChatRequest(input), options);
  const headers = answerHeaders(outcome);
  if (outcome.kind === "raw") return rawResponse(outcome);
  if (outcome.kind === "json") return LeanResponse.json(chatResponseToAnthropic(outcome.response), { headers });
  const keepAlive = { everyMs: env().STREAM_KEEPALIVE_MS, bytes: ANTHROPIC_PING };
  return new LeanResponse(encodedStream(outcome.chunks, anthropicStreamEncoder(), keepAlive), { headers: { ...headers, ...SSE_HEADERS } });
}

/** POST /v1/messages: Anthropic's Messages API, any model behind it. */
export async function handleMessages(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const input = messagesRequestSchema.parse(await readJson(request, env().MAX_BODY_BYTES));
    const pending = answer(request, caller, input);
    return input.stream ? await streamAnswer(pending, ANTHROPIC_STREAM, env().STREAM_KEEPALIVE_MS) : await pending;
  } catch (error) {
    return anthropicErrorResponse(error);
  }
}

/**
 * POST /v1/messages/count_tokens: counted locally with the o200k tokenizer, an estimate for
 * non-OpenAI models; bounded in size and rate, fair to other accounts (countRequestTokens).
 */
export async function handleCountTokens(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    await admitTokenCount(caller);
    const body = (await readJson(request, Math.min(env().MAX_BODY_BYTES, COUNT_TOKENS_MAX_BYTES))) as Record<string, unknown>;
    const input = messagesRequestSchema.parse({ max_tokens: 1, ...body });
    return LeanResponse.json({ input_tokens: await countRequestTokens(caller, anthropicToChatRequest(input), clientSignal(request)) });
  } catch (error) {
    return anthropicErrorResponse(error);
  }
}
