import { z } from "zod";
import { badRequest } from "@/lib/errors/gateway-error";
import { chatRequestSchema } from "@/lib/gateway/chat/request-schema";

/** At most this many prompts in one request (LangChain batches 20); each is served as its own chat request. */
export const MAX_PROMPTS = 20;

const tokens = z.array(z.number().int());

/**
 * What /v1/completions adds to a chat request: the prompt and the legacy options. Every other
 * field (model, models, max_tokens, temperature, stop, stream, …) is checked by the chat schema.
 */
export const completionFieldsSchema = z.looseObject({
  prompt: z.union([z.string(), z.array(z.string()).min(1, "must contain at least one prompt").max(MAX_PROMPTS), tokens, z.array(tokens)], {
    error: (issue) => (issue.input === undefined ? "is required" : "must be a string or an array of strings"),
  }),
  suffix: z.string().nullish(),
  echo: z.boolean().nullish(),
  best_of: z.number().int().min(1).max(20).nullish(),
  logprobs: z.number().int().min(0).max(5).nullish(),
  stream: z.boolean().nullish(),
});

export type CompletionFields = z.infer<typeof completionFieldsSchema>;

const chat = chatRequestSchema.shape;

/** The request as documented: the legacy fields and the chat fields a completion uses (any other chat field is accepted too). */
export const completionRequestSchema = completionFieldsSchema.extend({
  model: chat.model, models: chat.models, max_tokens: chat.max_tokens, temperature: chat.temperature, top_p: chat.top_p,
  frequency_penalty: chat.frequency_penalty, presence_penalty: chat.presence_penalty, stop: chat.stop, seed: chat.seed,
  n: chat.n, stream_options: chat.stream_options, user: chat.user,
});

const isTokenArray = (prompt: CompletionFields["prompt"]) => Array.isArray(prompt) && prompt.some((item) => typeof item !== "string");

/**
 * The prompts as text, or a 400 naming what cannot be served over a chat model: token arrays (a
 * chat model reads text), `suffix` (insertion), `best_of` (ranking candidates) and `logprobs`.
 */
export function servablePrompts(fields: CompletionFields): string[] {
  if (isTokenArray(fields.prompt)) throw badRequest("Token-array prompts are not supported: completions are served by chat models, send the prompt as text", "prompt");
  if (fields.suffix) throw badRequest("'suffix' (text insertion) is not supported: completions are served by chat models", "suffix");
  if (fields.best_of && fields.best_of > 1) throw badRequest("'best_of' above 1 is not supported: candidates cannot be ranked over chat models; use 'n' for several completions", "best_of");
  if (fields.logprobs != null) throw badRequest("'logprobs' is not supported on /v1/completions; use /v1/chat/completions with 'logprobs' on a provider that returns them", "logprobs");
  const prompts = typeof fields.prompt === "string" ? [fields.prompt] : (fields.prompt as string[]);
  if (prompts.length > 1 && fields.stream) throw badRequest("Streaming serves one prompt per request; send the prompts as separate requests or without 'stream'", "prompt");
  return prompts;
}
