import { authenticateApiToken, type Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { responseId } from "@/lib/dialects/responses/ids";
import { normalizeInput } from "@/lib/dialects/responses/input-items";
import { emptyNativeAnswer } from "@/lib/dialects/responses/native-answer";
import { chatResponseToResponses } from "@/lib/dialects/responses/from-chat-response";
import { responseEnvelope } from "@/lib/dialects/responses/response-envelope";
import { responsesRequestSchema, type InputItem, type ResponsesRequest } from "@/lib/dialects/responses/schema";
import { responsesStreamEncoder, responsesStreamFailure } from "@/lib/dialects/responses/stream";
import { responsesToChatRequest } from "@/lib/dialects/responses/to-chat-request";
import { withResponseCost } from "@/lib/dialects/responses/usage";
import { badRequest, type GatewayError } from "@/lib/errors/gateway-error";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { clientSignal } from "@/lib/http/lean-request";
import { readJson } from "@/lib/http/read-json";
import { MAX_STORED_INPUT_BYTES, saveResponse } from "@/lib/services/responses/stored-responses";
import { SSE_HEADERS } from "@/lib/gateway/chat/handle-chat-completions";
import { OPENAI_KEEPALIVE, openAiKeepAlive } from "@/lib/gateway/chat/openai-sse";
import { streamAnswer, type StreamDialect } from "@/lib/gateway/early-stream";
import { newGenerationId } from "@/lib/gateway/generation-id";
import type { ChatRequest } from "@/lib/providers/types";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { answerHeaders, executeChat, rawResponse, type ChatOutcome } from "@/lib/gateway/execute-chat";
import { previousItems } from "./conversation";
import { echoPrevious, nativeResponsesPassthrough, type NativeRequest } from "./native-passthrough";
import { LeanResponse } from "@/lib/http/lean-response";

type Json = Record<string, unknown>;

/** What a stored response keeps, or nothing with `store: false`. */
interface Storing {
  save(response: Json): Promise<void>;
}

function storing(caller: Caller, input: ResponsesRequest, ownItems: InputItem[]): Storing | null {
  if (input.store === false) return null;
  // Checked before the model runs: an input that could never be stored is refused, not silently forgotten.
  const itemsJson = JSON.stringify(ownItems);
  if (Buffer.byteLength(itemsJson) > MAX_STORED_INPUT_BYTES) {
    throw badRequest(`The input is too large to store (over ${MAX_STORED_INPUT_BYTES / 1024 / 1024} MB): send it with store: false`, "store");
  }
  const previous = input.previous_response_id ?? null;
  return { save: async (response) => void (await saveResponse(caller.userId, { ...response, previous_response_id: previous }, itemsJson)) };
}

/** Headers and a comment while the upstream is slow; a failure meanwhile ends the stream as OpenAI ends a failed response. */
function responsesStream(input: ResponsesRequest): StreamDialect {
  const failure = (error: GatewayError) => {
    const envelope = responseEnvelope(input, responseId(error.headers["x-generation-id"] ?? newGenerationId()), Math.floor(Date.now() / 1000));
    return responsesStreamFailure(envelope, error);
  };
  return { headers: SSE_HEADERS, keepAlive: OPENAI_KEEPALIVE, failure };
}

/** POST /v1/responses: OpenAI's Responses API, any model behind it, with stored conversations. */
export async function handleCreateResponse(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const body = (await readJson(request, env().MAX_BODY_BYTES)) as Json;
    const input = responsesRequestSchema.parse(body);
    if (input.input === undefined && !input.previous_response_id && !body.prompt) throw badRequest("Missing required parameter: 'input'.", "input");
    const history = input.previous_response_id ? await previousItems(caller.userId, input.previous_response_id) : [];
    const own = normalizeInput(input.input, history);
    const store = storing(caller, input, own.items);
    const { chat, openAiOnly } = responsesToChatRequest(input, [...history, ...own.items]);
    if (own.unresolved.length) openAiOnly.push(`references to items not stored here (${own.unresolved.join(", ")})`);
    if (body.prompt) openAiOnly.push("a prompt template");
    const native: NativeRequest = { body, history, ownItems: own.items, openAiOnly, answer: emptyNativeAnswer() };
    const pending = routedAnswer(request, caller, { input, chat, native, store });
    return input.stream ? await streamAnswer(pending, responsesStream(input), env().STREAM_KEEPALIVE_MS) : await pending;
  } catch (error) {
    return errorResponseFor(request, error);
  }
}

interface Prepared {
  input: ResponsesRequest;
  chat: ChatRequest;
  native: NativeRequest;
  store: Storing | null;
}

/** The routed answer: OpenAI's own (passed through, stored as it was read) or our translation. */
async function routedAnswer(request: Request, caller: Caller, { input, chat, native, store }: Prepared): Promise<Response> {
  const { answer } = native;
  const settle = store ? async () => void (answer.final && (await store.save(withResponseCost(answer.final, answer.usage)))) : undefined;
  const passthrough = nativeResponsesPassthrough({ ...native, settle });
  const outcome = await executeChat(caller, chat, { endpoint: "responses", signal: clientSignal(request), passthrough, requestId: request.headers.get("x-request-id") });
  if (outcome.kind === "raw") {
    if (typeof outcome.body !== "string") return rawResponse(outcome);
    await settle?.();
    return rawResponse({ ...outcome, body: echoPrevious(outcome.body, input.previous_response_id) });
  }
  return await translatedAnswer(outcome, input, store);
}

/** A translated answer as a response object, or as the Responses event stream; stored before the client hears the end. */
async function translatedAnswer(outcome: Exclude<ChatOutcome, { kind: "raw" }>, input: ResponsesRequest, store: Storing | null): Promise<Response> {
  const headers = answerHeaders(outcome);
  const envelope = responseEnvelope(input, responseId(outcome.id), Math.floor(Date.now() / 1000));
  if (outcome.kind === "json") {
    const response = chatResponseToResponses(outcome.response, envelope);
    await store?.save(response as unknown as Json);
    return LeanResponse.json(response, { headers });
  }
  const encoder = responsesStreamEncoder(envelope);
  const beforeClose = store ? async () => void (encoder.finished() && (await store.save(encoder.finished() as unknown as Json))) : undefined;
  const stream = encodedStream(outcome.chunks, encoder, openAiKeepAlive(env().STREAM_KEEPALIVE_MS), beforeClose);
  return new LeanResponse(stream, { headers: { ...headers, ...SSE_HEADERS } });
}
