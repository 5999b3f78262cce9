import { z } from "zod";

/** Tolerant schemas for what Gemini sends: every field optional but names we cannot do without. */
export const partSchema = z.looseObject({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  thoughtSignature: z.string().nullish(),
  functionCall: z.looseObject({ name: z.string(), args: z.unknown().optional(), id: z.string().nullish() }).nullish(),
});

export const usageMetadataSchema = z.looseObject({
  promptTokenCount: z.number().nullish(),
  candidatesTokenCount: z.number().nullish(),
  thoughtsTokenCount: z.number().nullish(),
  cachedContentTokenCount: z.number().nullish(),
  toolUsePromptTokenCount: z.number().nullish(),
  totalTokenCount: z.number().nullish(),
});

/** Google Search grounding: the web sources, and which parts of the answer each supports. */
const groundingSchema = z.looseObject({
  groundingChunks: z.array(z.looseObject({ web: z.looseObject({ uri: z.string().nullish(), title: z.string().nullish() }).nullish() })).nullish(),
  groundingSupports: z
    .array(z.looseObject({
      segment: z.looseObject({ startIndex: z.number().nullish(), endIndex: z.number().nullish(), text: z.string().nullish() }).nullish(),
      groundingChunkIndices: z.array(z.number()).nullish(),
    }))
    .nullish(),
});

const candidateSchema = z.looseObject({
  content: z.looseObject({ role: z.string().nullish(), parts: z.array(partSchema).nullish() }).nullish(),
  finishReason: z.string().nullish(),
  finishMessage: z.string().nullish(),
  index: z.number().nullish(),
  groundingMetadata: groundingSchema.nullish(),
});

export const googleErrorSchema = z.looseObject({
  code: z.number().nullish(),
  message: z.string().nullish(),
  status: z.string().nullish(),
  details: z.array(z.looseObject({ reason: z.string().nullish() })).nullish(),
});

/** A GenerateContentResponse; with `alt=sse` each event carries one, and a failure mid-stream an `error`. */
export const generateResponseSchema = z.looseObject({
  candidates: z.array(candidateSchema).nullish(),
  promptFeedback: z.looseObject({ blockReason: z.string().nullish(), blockReasonMessage: z.string().nullish() }).nullish(),
  usageMetadata: usageMetadataSchema.nullish(),
  modelVersion: z.string().nullish(),
  error: googleErrorSchema.nullish(),
});

export const batchEmbedResponseSchema = z.looseObject({
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })),
  usageMetadata: usageMetadataSchema.nullish(),
});

export const modelListSchema = z.looseObject({
  models: z.array(z.looseObject({
    name: z.string(),
    displayName: z.string().nullish(),
    inputTokenLimit: z.number().nullish(),
    supportedGenerationMethods: z.array(z.string()).nullish(),
  })).nullish(),
});

export type GeminiWirePart = z.infer<typeof partSchema>;
export type GeminiWireCandidate = z.infer<typeof candidateSchema>;
export type GeminiWireResponse = z.infer<typeof generateResponseSchema>;
export type GeminiWireUsage = z.infer<typeof usageMetadataSchema>;
export type GeminiWireGrounding = z.infer<typeof groundingSchema>;
export type GoogleWireError = z.infer<typeof googleErrorSchema>;
