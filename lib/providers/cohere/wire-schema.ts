import { z } from "zod";

/** Tolerant schemas for what Cohere's v2 API sends: every field optional, extras kept. */
const toolCall = z.looseObject({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

const tokenCounts = z.looseObject({ input_tokens: z.number().nullish(), output_tokens: z.number().nullish() });

export const usageSchema = z.looseObject({
  tokens: tokenCounts.nullish(),
  billed_units: tokenCounts.nullish(),
  cached_tokens: z.number().nullish(),
});

/** A content item: `{type:"text", text}` or, from reasoning models, `{type:"thinking", thinking}`. */
const contentItem = z.looseObject({ type: z.string().nullish(), text: z.string().nullish(), thinking: z.string().nullish() });

export const chatResponseSchema = z.looseObject({
  id: z.string().nullish(),
  finish_reason: z.string().nullish(),
  message: z.looseObject({
    content: z.union([z.array(contentItem), z.string()]).nullish(),
    tool_calls: z.array(toolCall).nullish(),
    tool_plan: z.string().nullish(),
  }).nullish(),
  usage: usageSchema.nullish(),
});

/** One stream event. message-start carries arrays in `delta.message`; the other events single objects. */
export const streamEventSchema = z.looseObject({
  type: z.string(),
  index: z.number().nullish(),
  delta: z.looseObject({
    finish_reason: z.string().nullish(),
    error: z.string().nullish(),
    usage: usageSchema.nullish(),
    message: z.looseObject({
      content: z.union([contentItem, z.array(z.unknown())]).nullish(),
      tool_plan: z.string().nullish(),
      tool_calls: z.union([toolCall, z.array(z.unknown())]).nullish(),
    }).nullish(),
  }).nullish(),
});

export const embedResponseSchema = z.looseObject({
  embeddings: z.looseObject({ float: z.array(z.array(z.number())) }),
  meta: z.looseObject({ billed_units: tokenCounts.nullish() }).nullish(),
});

export const modelListSchema = z.looseObject({
  models: z.array(z.looseObject({ name: z.string(), context_length: z.number().nullish(), endpoints: z.array(z.string()).nullish() })).nullish(),
});

export type CohereWireUsage = z.infer<typeof usageSchema>;
export type CohereStreamEvent = z.infer<typeof streamEventSchema>;
export type CohereWireToolCall = z.infer<typeof toolCall>;
