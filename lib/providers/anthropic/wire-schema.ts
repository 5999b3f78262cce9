import { z } from "zod";

/** Tolerant: what Anthropic sends, every field optional but the ones we cannot do without. */
export const usageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  output_tokens_details: z.looseObject({ thinking_tokens: z.number().nullish() }).nullish(),
});

/** A text block's source; web search results carry url and title. */
const citationSchema = z.looseObject({ type: z.string(), url: z.string().nullish(), title: z.string().nullish(), cited_text: z.string().nullish() });

export const contentBlockSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  citations: z.array(citationSchema).nullish(),
  thinking: z.string().nullish(),
  signature: z.string().nullish(),
  data: z.string().nullish(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown().optional(),
});

export const messageSchema = z.looseObject({
  id: z.string().nullish(),
  model: z.string().nullish(),
  content: z.array(contentBlockSchema).nullish(),
  stop_reason: z.string().nullish(),
  usage: usageSchema.nullish(),
});

const errorSchema = z.looseObject({ type: z.string().nullish(), message: z.string().nullish() });

export const streamEventSchema = z.looseObject({
  type: z.string(),
  index: z.number().optional(),
  message: messageSchema.nullish(),
  content_block: contentBlockSchema.nullish(),
  delta: z
    .looseObject({
      type: z.string().nullish(),
      text: z.string().nullish(),
      thinking: z.string().nullish(),
      signature: z.string().nullish(),
      partial_json: z.string().nullish(),
      citation: citationSchema.nullish(),
      stop_reason: z.string().nullish(),
    })
    .nullish(),
  usage: usageSchema.nullish(),
  error: errorSchema.nullish(),
});

export type AnthropicUsage = z.infer<typeof usageSchema>;
export type ContentBlock = z.infer<typeof contentBlockSchema>;
export type StreamEvent = z.infer<typeof streamEventSchema>;
export type AnthropicWireError = z.infer<typeof errorSchema>;
export type AnthropicCitation = z.infer<typeof citationSchema>;
