import { z } from "zod";
import { badRequest } from "@/lib/errors/gateway-error";
import type { EmbeddingsRequest, EmbeddingsResponse } from "@/lib/providers/types";
import { camelCaseKeys } from "./normalize-keys";

const content = z.looseObject({
  parts: z.array(z.looseObject({ text: z.string().optional() })).min(1, "must contain at least one part"),
});

/** One EmbedContentRequest as Google documents it (camelCase; snake_case is accepted, as Google does). */
export const embedContentSchema = z.looseObject({
  model: z.string().optional(),
  content,
  taskType: z.string().max(64).optional(),
  title: z.string().optional(),
  outputDimensionality: z.number().int().positive().max(16_384).optional(),
});

export const batchEmbedSchema = z.looseObject({
  requests: z.array(embedContentSchema).min(1, "must contain at least one request").max(2048),
});

export type EmbedContentRequest = z.infer<typeof embedContentSchema>;

export const parseEmbedContent = (body: unknown) => embedContentSchema.parse(camelCaseKeys(body));
export const parseBatchEmbed = (body: unknown) => batchEmbedSchema.parse(camelCaseKeys(body));

/** A content's text: its text parts joined; other parts (images, audio) cannot be embedded through us. */
function contentText(request: EmbedContentRequest, index: number): string {
  const parts = request.content.parts;
  if (parts.some((part) => typeof part.text !== "string")) {
    throw badRequest(`Only text parts can be embedded (requests[${index}].content.parts)`, `requests[${index}].content.parts`);
  }
  return parts.map((part) => part.text).join("\n");
}

/**
 * Gemini embed requests as one of ours: one input per request. One upstream call serves them all,
 * so the requests must agree on taskType and outputDimensionality.
 */
export function geminiEmbedToEmbeddings(requests: EmbedContentRequest[], model: string): EmbeddingsRequest {
  const [first] = requests;
  const differs = requests.find((r) => r.taskType !== first.taskType || r.outputDimensionality !== first.outputDimensionality);
  if (differs) throw badRequest("Every request of a batch must use the same taskType and outputDimensionality", "requests");
  return {
    model,
    input: requests.map(contentText),
    encoding_format: "float",
    ...(first.taskType ? { input_type: first.taskType } : {}),
    ...(first.outputDimensionality ? { dimensions: first.outputDimensionality } : {}),
  };
}

const valuesOf = (result: EmbeddingsResponse) => result.data.map((item) => ({ values: item.embedding as number[] }));

/** `{"embedding":{"values":[…]}}`, Google's answer to :embedContent. */
export const toEmbedContentResponse = (result: EmbeddingsResponse) => ({ embedding: valuesOf(result)[0] });

/** `{"embeddings":[{"values":[…]}, …]}`, Google's answer to :batchEmbedContents. */
export const toBatchEmbedResponse = (result: EmbeddingsResponse) => ({ embeddings: valuesOf(result) });
