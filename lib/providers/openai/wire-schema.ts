import { z } from "zod";

/** Tolerant schemas for what OpenAI-dialect providers send: every field optional, extras kept. */
const toolCall = z.looseObject({
  index: z.number().optional(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

// Mistral's reasoning models send content as typed parts, thinking included.
const contentPart = z.looseObject({
  type: z.string().optional(),
  text: z.string().nullish(),
  thinking: z.union([z.string(), z.array(z.looseObject({ text: z.string().nullish() }))]).nullish(),
});

const messageLike = z.looseObject({
  role: z.string().nullish(),
  content: z.union([z.string(), z.array(contentPart)]).nullish(),
  reasoning: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  reasoning_details: z.array(z.looseObject({})).nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(toolCall).nullish(),
  annotations: z.array(z.unknown()).nullish(),
});

const errorShape = z.looseObject({
  message: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  type: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export const openAiResponseSchema = z.looseObject({
  model: z.string().nullish(),
  system_fingerprint: z.string().nullish(),
  choices: z
    .array(z.looseObject({ index: z.number().optional(), message: messageLike.nullish(), finish_reason: z.string().nullish(), logprobs: z.unknown().optional() }))
    .nullish(),
  usage: z.unknown().optional(),
  error: errorShape.nullish(),
});

export const openAiChunkSchema = z.looseObject({
  model: z.string().nullish(),
  choices: z.array(z.looseObject({ index: z.number().optional(), delta: messageLike.nullish(), finish_reason: z.string().nullish() })).nullish(),
  usage: z.unknown().optional(),
  // Groq reports streamed usage here rather than in `usage`.
  x_groq: z.looseObject({ usage: z.unknown().optional() }).nullish(),
  error: errorShape.nullish(),
});

export type OpenAiWireMessage = z.infer<typeof messageLike>;
export type OpenAiWireError = z.infer<typeof errorShape>;
export type OpenAiWireChunk = z.infer<typeof openAiChunkSchema>;
