import { badRequest, isGatewayError, type GatewayError } from "@/lib/errors/gateway-error";
import { nativeItem } from "@/lib/dialects/responses/input-items";
import { nativeAnswerReader, type NativeAnswer } from "@/lib/dialects/responses/native-answer";
import { isOurReasoning } from "@/lib/dialects/responses/reasoning-state";
import type { InputItem } from "@/lib/dialects/responses/schema";
import { withResponseCost } from "@/lib/dialects/responses/usage";
import type { Passthrough } from "@/lib/gateway/raw-passthrough";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import type { SseEvent } from "@/lib/providers/types";
import { encodeSse } from "@/lib/sse/encode-sse";

// Custom endpoints found without /responses (base URL → until when): translated meanwhile, not asked again.
const withoutResponses = new Map<string, number>();
const lacks = (baseUrl: string) => (withoutResponses.get(baseUrl) ?? 0) > Date.now();
function markLacking(baseUrl: string) {
  if (withoutResponses.size >= 1_000) withoutResponses.clear();
  withoutResponses.set(baseUrl, Date.now() + 10 * 60_000);
}

export interface NativeRequest {
  /** The client's body as sent. */
  body: Record<string, unknown>;
  /** The conversation before this input (previous_response_id), and this input as stored items. */
  history: InputItem[];
  ownItems: InputItem[];
  /** What only OpenAI can serve; such a request is refused for other providers. */
  openAiOnly: string[];
  /** Called with OpenAI's finished response once it has been read. */
  answer: NativeAnswer;
  settle?: () => Promise<void>;
}

/**
 * The client's body for OpenAI: as sent, the model id aside. With previous_response_id (which
 * OpenAI cannot resolve: the conversation is ours) the whole conversation goes as input instead.
 */
function nativeBody(request: NativeRequest, model: string): string {
  const { body, history, ownItems } = request;
  const ownReasoning = Array.isArray(body.input) && (body.input as Array<{ encrypted_content?: unknown }>).some((item) => isOurReasoning(item?.encrypted_content));
  if (!body.previous_response_id && !ownReasoning) return JSON.stringify({ ...body, model });
  const { previous_response_id: _previous, ...rest } = body;
  return JSON.stringify({ ...rest, model, input: [...history, ...ownItems].flatMap(nativeItem) });
}

/**
 * OpenAI answers `previous_response_id: null` for a conversation we sent it whole; the client asked
 * to continue its response, and sees that id, as OpenAI would show it.
 */
export function echoPrevious(json: string, previousId: unknown): string {
  return typeof previousId === "string" ? json.replace(/"previous_response_id":\s*null/, `"previous_response_id":${JSON.stringify(previousId)}`) : json;
}

/** A failure after the first byte, as OpenAI ends a stream: response.failed with the error. */
function failedEvent(answer: NativeAnswer, error: GatewayError): Uint8Array {
  const response = { ...(answer.latest ?? { object: "response", output: [] }), status: "failed", error: { code: error.status === 429 ? "rate_limit_exceeded" : "server_error", message: error.message } };
  return encodeSse(JSON.stringify({ type: "response.failed", sequence_number: answer.lastSequence + 1, response }), "response.failed");
}

const FINAL_EVENTS = new Set(["response.completed", "response.incomplete"]);

/**
 * The stream's final event with the request's cost in its response's usage (read and priced
 * just before it is forwarded), as the translated stream has it; any other event as it came.
 */
function pricedEvent(event: SseEvent, answer: NativeAnswer): SseEvent {
  const type = event.event || /^\s*\{\s*"type"\s*:\s*"([^"]+)"/.exec(event.data)?.[1];
  const final = answer.finalEvent;
  if (!final || !type || !FINAL_EVENTS.has(type) || answer.usage?.cost === undefined) return event;
  return { ...event, data: JSON.stringify({ ...final, response: withResponseCost(final.response ?? {}, answer.usage) }) };
}

/** OpenAI models, and custom endpoints that have /responses, get the Responses request itself. */
export function nativeResponsesPassthrough(request: NativeRequest): Passthrough {
  const { answer } = request;
  return {
    family: "openai",
    accepts: (attempt, ctx) => attempt.provider === "openai" || (attempt.provider === "custom" && !lacks(ctx.baseUrl)),
    lacksEndpoint(error, ctx) {
      const status = isGatewayError(error) ? error.metadata?.status : undefined;
      if (ctx.provider !== "custom" || (status !== 404 && status !== 405)) return false;
      markLacking(ctx.baseUrl);
      return true;
    },
    build: (ctx) => ({
      url: `${ctx.baseUrl}/responses`,
      method: "POST",
      headers: { "content-type": "application/json", accept: request.body.stream ? "text/event-stream" : "application/json", ...authHeaders("bearer", ctx.credential) },
      body: nativeBody(request, ctx.model),
    }),
    streamError: (error) => failedEvent(answer, error),
    untranslatable: request.openAiOnly.length ? badRequest(`Only an OpenAI model can serve this request (it has ${[...new Set(request.openAiOnly)].join(", ")})`, "model") : undefined,
    reader: nativeAnswerReader(answer),
    settle: request.settle,
    rewrite(event) {
      const priced = pricedEvent(event, answer);
      return request.body.previous_response_id ? { ...priced, data: echoPrevious(priced.data, request.body.previous_response_id) } : priced;
    },
  };
}
