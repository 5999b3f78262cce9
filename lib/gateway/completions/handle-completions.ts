import { authenticateApiToken, type Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { readJson } from "@/lib/http/read-json";
import { clientSignal } from "@/lib/http/lean-request";
import type { ChatRequest, ChatResponse } from "@/lib/providers/types";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { answerHeaders, executeChat } from "@/lib/gateway/execute-chat";
import { openAiStream, SSE_HEADERS } from "@/lib/gateway/chat/handle-chat-completions";
import { streamAnswer } from "@/lib/gateway/early-stream";
import { openAiKeepAlive } from "@/lib/gateway/chat/openai-sse";
import { chatRequestSchema } from "@/lib/gateway/chat/request-schema";
import { toChatRequest } from "@/lib/gateway/chat/to-chat-request";
import { completionFieldsSchema, servablePrompts } from "./request-schema";
import { textCompletionSseEncoder, toTextCompletion } from "./text-completion";
import { LeanResponse } from "@/lib/http/lean-response";

const LEGACY_FIELDS = ["prompt", "suffix", "echo", "best_of", "logprobs"] as const;

/** The completion body as a chat request with the prompt as its one user message (checked by the chat schema). */
function chatBodyFor(body: Record<string, unknown>, prompt: string) {
  const rest = Object.fromEntries(Object.entries(body).filter(([key]) => !(LEGACY_FIELDS as readonly string[]).includes(key)));
  return toChatRequest(chatRequestSchema.parse({ ...rest, messages: [{ role: "user", content: prompt }] }));
}

type Options = Parameters<typeof executeChat>[2];

/** Several prompts at once: one chat request each (each counted and recorded), answered together. */
async function answerAll(caller: Caller, body: Record<string, unknown>, prompts: string[], options: Options): Promise<ChatResponse[]> {
  const requests = prompts.map((prompt) => chatBodyFor(body, prompt));
  const outcomes = await Promise.all(requests.map((chat) => executeChat(caller, chat, options)));
  return outcomes.map((outcome) => {
    if (outcome.kind !== "json") throw new Error("a non-streamed completion came back streamed");
    return outcome.response;
  });
}

/**
 * POST /v1/completions: OpenAI's legacy text completions over any chat model. The prompt is the
 * user message; the answer's text is the assistant's content (after the prompt with `echo`).
 */
export async function handleCompletions(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const config = env();
    const body = (await readJson(request, config.MAX_BODY_BYTES)) as Record<string, unknown>;
    const fields = completionFieldsSchema.parse(body);
    const prompts = servablePrompts(fields);
    const options: Options = { endpoint: "completions", signal: clientSignal(request), requestId: request.headers.get("x-request-id") };
    const echo = fields.echo ? prompts[0] : null;
    if (!fields.stream) {
      const answers = await answerAll(caller, body, prompts, options);
      return LeanResponse.json(toTextCompletion(answers, prompts, Boolean(echo)), { headers: { "x-generation-id": answers[0].id, "x-oauthrouter-provider": answers[0].provider ?? "" } });
    }
    const chat = chatBodyFor(body, prompts[0]);
    return await streamAnswer(streamedAnswer(caller, chat, echo, options), openAiStream(request, chat.model), config.STREAM_KEEPALIVE_MS);
  } catch (error) {
    return errorResponseFor(request, error);
  }
}

async function streamedAnswer(caller: Caller, chat: ChatRequest, echo: string | null, options: Options): Promise<Response> {
  const outcome = await executeChat(caller, chat, options);
  if (outcome.kind !== "stream") throw new Error("a streamed completion came back whole");
  const stream = encodedStream(outcome.chunks, textCompletionSseEncoder(echo), openAiKeepAlive(env().STREAM_KEEPALIVE_MS));
  return new LeanResponse(stream, { headers: { ...answerHeaders(outcome), ...SSE_HEADERS } });
}
