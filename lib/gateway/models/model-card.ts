import type { CatalogEntry } from "@/lib/providers/catalog";
import { modelTraits, type ModelTraits } from "@/lib/providers/catalog/model-traits";
import { supportedParameters } from "@/lib/providers/supported-parameters";
import { getProvider } from "@/lib/providers/registry";

// The catalog's models were added when this build shipped; `created` is required by OpenAI's shape.
export const CATALOG_CREATED = 1_735_689_600;

export const providerName = (provider: string) => getProvider(provider)?.name ?? provider;

export const traitsOf = (entry: CatalogEntry): ModelTraits => modelTraits(entry.model, entry.embedding);

/** OpenRouter's `architecture`: `modality` as "text+image->text", the lists, the tokenizer group. */
export function architecture(traits: ModelTraits) {
  return {
    modality: `${traits.input.join("+")}->${traits.output.join("+")}`,
    input_modalities: traits.input,
    output_modalities: traits.output,
    tokenizer: traits.tokenizer,
    instruct_type: null,
  };
}

export const describeModel = (entry: CatalogEntry) => `${entry.name} from ${providerName(entry.provider)}, served through your own ${providerName(entry.provider)} credentials.`;

/**
 * One model as OpenAI's list shows it (id, object, created, owned_by) and as OpenRouter's schema
 * has it. What we have no value for is null (or false, zero): no limits, voices or dates invented.
 */
export function modelCard(entry: CatalogEntry, apiUrl: string) {
  const traits = traitsOf(entry);
  return {
    id: entry.id,
    canonical_slug: entry.id,
    hugging_face_id: null,
    object: "model" as const,
    created: CATALOG_CREATED,
    owned_by: entry.provider,
    name: entry.name,
    description: describeModel(entry),
    provider: entry.provider,
    context_length: entry.context_length,
    architecture: architecture(traits),
    pricing: entry.pricing,
    top_provider: { context_length: entry.context_length, max_completion_tokens: null, is_moderated: false },
    per_request_limits: null,
    supported_parameters: supportedParameters(entry.provider, entry.model, traits),
    default_parameters: null,
    supported_voices: null,
    expiration_date: null,
    knowledge_cutoff: null,
    links: { details: `${apiUrl}/api/v1/models/${entry.id}/endpoints` },
    ...(entry.embedding ? { type: "embedding" } : {}),
  };
}

export type ModelCard = ReturnType<typeof modelCard>;

// A catalog entry's card is the same on every request: built once per entry (and API URL), shared read-only.
const built = new WeakMap<CatalogEntry, { apiUrl: string; card: ModelCard }>();

export function cachedModelCard(entry: CatalogEntry, apiUrl: string): ModelCard {
  const hit = built.get(entry);
  if (hit?.apiUrl === apiUrl) return hit.card;
  const card = modelCard(entry, apiUrl);
  built.set(entry, { apiUrl, card });
  return card;
}
