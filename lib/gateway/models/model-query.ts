import { z } from "zod";
import type { ModelCard } from "./model-card";

const list = z.string().transform((value) => value.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean));

/** The filters of GET /v1/models we honour (OpenRouter's names); others are ignored, as unknown fields are. */
export const modelQuerySchema = z.object({
  supported_parameters: list.optional(),
  input_modalities: list.optional(),
  output_modalities: list.optional(),
  providers: list.optional(),
  model_authors: list.optional(),
  q: z.string().trim().toLowerCase().optional(),
  context: z.coerce.number().int().min(0).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export type ModelQuery = z.infer<typeof modelQuerySchema>;

export function parseModelQuery(url: URL): ModelQuery {
  return modelQuerySchema.parse(Object.fromEntries(url.searchParams));
}

const hasAll = (have: string[], wanted: string[] | undefined) => !wanted?.length || wanted.every((item) => have.includes(item));

/** Whether a model passes every filter given (output_modalities=all lets every output through). */
export function matchesQuery(model: ModelCard, query: ModelQuery): boolean {
  const outputs = query.output_modalities?.filter((item) => item !== "all");
  const authors = [...(query.providers ?? []), ...(query.model_authors ?? [])];
  return (
    hasAll(model.supported_parameters, query.supported_parameters) &&
    hasAll(model.architecture.input_modalities, query.input_modalities) &&
    (!outputs?.length || outputs.some((item) => (model.architecture.output_modalities as string[]).includes(item))) &&
    (!authors.length || authors.includes(model.provider)) &&
    (!query.q || model.id.toLowerCase().includes(query.q) || model.name.toLowerCase().includes(query.q)) &&
    (query.context === undefined || model.context_length >= query.context)
  );
}

/** One page of the filtered models, with OpenRouter's `links.next` and `total_count`. */
export function modelPage(models: ModelCard[], query: ModelQuery, url: URL) {
  const end = query.limit === undefined ? models.length : query.offset + query.limit;
  let next: string | null = null;
  if (end < models.length) {
    const following = new URL(url);
    following.searchParams.set("offset", String(end));
    next = `${following.pathname}${following.search}`;
  }
  return { object: "list" as const, data: models.slice(query.offset, end), links: { next }, total_count: models.length };
}
