import { parseModelId } from "@/lib/gateway/routing/model-id";
import { authenticateApiToken } from "@/lib/auth/api-token";
import { readPresentedToken } from "@/lib/auth/read-bearer";
import { notFound } from "@/lib/errors/gateway-error";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { findCatalogModel, type CatalogEntry } from "@/lib/providers/catalog";
import { IMPLICIT_CACHING, modelTraits } from "@/lib/providers/catalog/model-traits";
import { supportedParameters } from "@/lib/providers/supported-parameters";
import { allowedByToken } from "@/lib/gateway/routing/plan-attempts";
import { resolveTargets, type ModelTarget } from "@/lib/gateway/routing/resolve-model";
import { usableCredentials } from "@/lib/gateway/routing/user-credentials";
import { architecture, CATALOG_CREATED, describeModel, providerName, traitsOf } from "./model-card";
import { visibleModels } from "./handle-models";
import { LeanResponse } from "@/lib/http/lean-response";

interface Serving {
  target: ModelTarget;
  /** The credential's label; none for an anonymous look at the catalog. */
  label?: string;
}

/** OpenRouter's endpoint record for one way of serving the model; no uptime or latency figures are kept here. */
function endpointRecord(entry: CatalogEntry, { target, label }: Serving) {
  const traits = modelTraits(target.model, entry.embedding);
  const name = providerName(target.provider);
  return {
    name: `${name} | ${target.model}${label ? ` (${label})` : ""}`,
    model_id: entry.id,
    model_name: entry.name,
    provider_name: name,
    tag: target.provider,
    credential_label: label ?? null,
    context_length: entry.context_length,
    pricing: entry.pricing,
    quantization: null,
    max_completion_tokens: null,
    max_prompt_tokens: null,
    supported_parameters: supportedParameters(target.provider, target.model, traits),
    supports_tool_choice: { auto: traits.tools, none: traits.tools, required: traits.tools, function: traits.tools },
    supports_implicit_caching: IMPLICIT_CACHING.has(target.provider),
    uptime_last_5m: null,
    uptime_last_30m: null,
    uptime_last_1d: null,
    latency_last_30m: null,
    throughput_last_30m: null,
  };
}

/** Each of the caller's credentials that can serve the model (a token), or the catalog's provider (anonymous). */
async function servings(request: Request, entry: CatalogEntry): Promise<Serving[]> {
  if (!readPresentedToken(request)) return (resolveTargets(parseModelId(entry.id), new Set([entry.provider])) ?? []).map((target) => ({ target }));
  const caller = await authenticateApiToken(request);
  const credentials = (await usableCredentials(caller.userId)).filter((c) => allowedByToken(caller, c.provider));
  const targets = resolveTargets(parseModelId(entry.id), new Set(credentials.map((c) => c.provider))) ?? [];
  return targets.flatMap((target) => credentials.filter((c) => c.provider === target.provider).map((c) => ({ target, label: c.label })));
}

/** The model by id among the caller's models (what its credentials list included), else the catalog's. */
async function findModel(request: Request, id: string): Promise<CatalogEntry | undefined> {
  const visible = (await visibleModels(request)).find((entry) => entry.id === id);
  return visible ?? findCatalogModel(id);
}

/** GET /api/v1/models/{author}/{slug}/endpoints: where the caller's own credentials can serve the model. */
export async function handleModelEndpoints(request: Request, id: string): Promise<Response> {
  try {
    const entry = await findModel(request, id);
    if (!entry) throw notFound(`Model '${id}' is not available`);
    const endpoints = (await servings(request, entry)).map((serving) => endpointRecord(entry, serving));
    return LeanResponse.json({
      data: { id: entry.id, name: entry.name, created: CATALOG_CREATED, description: describeModel(entry), architecture: architecture(traitsOf(entry)), endpoints },
    });
  } catch (error) {
    return errorResponseFor(request, error);
  }
}
