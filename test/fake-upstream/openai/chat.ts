import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { Body, ErrorDetail, Exchange } from "../types";
import { openAiWantsSearch } from "../web-search";
import { finishReason, isOpenRouterPath, reasoningField, replyFor, searchedReply, toolCalls, usageOf } from "./reply";
import { chatShapeProblem } from "./chat-shape";
import { renderProviderError } from "./provider-errors";
import { providerProblem } from "./provider-rules";
import { streamChatCompletion } from "./stream";

/** OpenRouter's own request fields: OpenAI (and the providers copying its API) refuse them. */
const OPENROUTER_FIELDS = ["models", "provider", "route", "transforms", "plugins", "preset"];
const SEARCH_REFUSED = ["temperature", "top_p", "frequency_penalty", "presence_penalty"];

/** What OpenAI's own API refuses: unknown arguments, web search off its search models, sampling on them. */
function refusedArguments(body: Body): ErrorDetail | null {
  const unknown = OPENROUTER_FIELDS.find((field) => body[field] !== undefined);
  if (unknown) return { status: 400, message: `Unrecognized request argument supplied: ${unknown}` };
  const searchModel = openAiWantsSearch(body, false);
  if (body.web_search_options && !searchModel) return { status: 400, message: "Model incompatible request argument supplied: web_search_options" };
  const sampling = searchModel ? SEARCH_REFUSED.filter((field) => body[field] !== undefined) : [];
  return sampling.length ? { status: 400, message: `Model incompatible request arguments supplied: ${sampling.join(", ")}` } : null;
}

/** Playing one provider (`/as/<provider>`): the body's shape, then what that provider refuses, in its own error body. */
function providerRefusal(provider: string, body: Body): ErrorDetail | null {
  const problem = chatShapeProblem(body) ?? providerProblem(provider, body);
  if (!problem) return null;
  const { status, body: raw } = renderProviderError(provider, problem);
  return { status, raw };
}

export function validateChat({ body, record }: Exchange): ErrorDetail | null {
  if (record.provider) return providerRefusal(record.provider, body) ?? (record.provider === "openai" ? refusedArguments(body) : null);
  if (!body.model) return { status: 400, message: "you must provide a model parameter", param: "model" };
  if (body.messages === undefined) return { status: 400, message: "Missing required parameter: 'messages'.", param: "messages", code: "missing_required_parameter" };
  if (!Array.isArray(body.messages) || body.messages.length === 0) return { status: 400 };
  return isOpenRouterPath(record.path) ? null : refusedArguments(body);
}

/** POST …/chat/completions: a chat.completion, or chat.completion.chunk events when stream:true. */
export function chatCompletions(res: ServerResponse, ex: Exchange): Promise<void> {
  const { body } = ex;
  const reply = searchedReply(replyFor(body), body, isOpenRouterPath(ex.record.path));
  const model = `${body.model}-fake-2025`;
  if (body.stream) return streamChatCompletion(res, ex, reply, model);
  const calls = toolCalls(reply);
  const message = {
    role: "assistant",
    content: calls.length ? null : reply.text,
    refusal: null,
    annotations: reply.annotations,
    ...(reply.thinking ? { [reasoningField(ex.record.path)]: reply.thinking } : {}),
    ...(calls.length ? { tool_calls: calls } : {}),
  };
  return replyJson(res, ex, {
    id: "chatcmpl-fake", object: "chat.completion", created: 1_750_000_000, model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(reply) }],
    usage: usageOf(reply), service_tier: "default", system_fingerprint: "fp_fake",
  });
}
