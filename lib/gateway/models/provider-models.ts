import { TtlCache } from "@/lib/cache/ttl-cache";
import { adapterFor } from "@/lib/providers/adapters";
import { getProvider, resolveBaseUrl } from "@/lib/providers/registry";
import { callUpstream } from "@/lib/gateway/upstream/call-upstream";
import type { UsableCredential } from "@/lib/gateway/routing/user-credentials";

export interface ListedModel {
  id: string;
  name?: string;
  context_length?: number;
}

const LIST_TIMEOUT_MS = 3_000;
// What a credential can reach changes rarely; a failed listing is retried after the same time.
const cache = new TtlCache<ListedModel[]>(10 * 60_000);

/** What a models listing needs of a credential (a stored one, or one being checked before saving). */
export type ModelListTarget = Pick<UsableCredential, "provider" | "secret" | "kind" | "baseUrl" | "accountId">;

/**
 * One models listing at the credential's provider; throws the mapped upstream error (401/403 for a
 * refused credential). Null when the provider's adapter has no listing.
 */
export async function requestModelList(credential: ModelListTarget, signal: AbortSignal): Promise<ListedModel[] | null> {
  const provider = getProvider(credential.provider);
  const adapter = provider && adapterFor(provider.family);
  if (!provider || !adapter?.buildModelsRequest || !adapter.parseModelsResponse) return null;
  const request = adapter.buildModelsRequest({
    provider: credential.provider,
    baseUrl: resolveBaseUrl(credential.provider, { credentialBaseUrl: credential.baseUrl, accountId: credential.accountId }, process.env),
    credential: { secret: credential.secret, kind: credential.kind, accountId: credential.accountId },
    quirks: provider.quirks,
  });
  // A user's own base URL is checked against private addresses when connecting (SSRF).
  const response = await callUpstream(credential.provider, adapter, request, signal, { userSuppliedHost: Boolean(credential.baseUrl) });
  return adapter.parseModelsResponse(await response.json());
}

async function fetchModels(credential: UsableCredential): Promise<ListedModel[]> {
  try {
    return (await requestModelList(credential, AbortSignal.timeout(LIST_TIMEOUT_MS))) ?? [];
  } catch {
    return [];
  }
}

/** The models a user's own credential lists at its provider (cached; empty when it cannot say). */
export function providerModels(credential: UsableCredential): Promise<ListedModel[]> {
  return cache.get(credential.id, () => fetchModels(credential));
}
