import type { ApiToken } from "@/lib/db/generated/client";
import { tokenWindow } from "@/lib/quota/periods";
import type { CounterStore } from "@/lib/quota/counter-store";
import { toApiStrategy } from "@/lib/services/api-keys/strategy-names";

/** An API key as the management API shows it: never the key itself. */
export async function toKeyView(token: ApiToken, counters: CounterStore, now = new Date()) {
  const window = tokenWindow(token.limitReset, now);
  const usage = await counters.read(`token:${token.id}:${window.key}`);
  return {
    hash: token.tokenHash,
    name: token.name,
    label: token.prefix,
    disabled: token.disabled,
    is_default: token.isDefault,
    allowed_providers: token.allowedProviders,
    strategy: token.strategy ? toApiStrategy(token.strategy) : null,
    limit: token.limit,
    limit_reset: token.limitReset,
    usage,
    limit_remaining: token.limit === null ? null : Math.max(0, token.limit - usage),
    limit_resets_at: token.limit === null ? null : window.resetsAt?.toISOString() ?? null,
    app_origin: token.appOrigin,
    created_at: token.createdAt.toISOString(),
    updated_at: token.updatedAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
  };
}

export type KeyView = Awaited<ReturnType<typeof toKeyView>>;
