import type { ApiToken } from "@/lib/db/generated/client";
import { tokenWindow } from "@/lib/quota/periods";
import type { CounterStore } from "@/lib/quota/counter-store";
import { MICROS_PER_USD, spendKey } from "@/lib/quota/admit-spend";
import { spendStore } from "@/lib/quota/spend-store";
import { toApiStrategy } from "@/lib/services/api-keys/strategy-names";
import { NO_SPEND, type KeySpend } from "./key-spend";

const usd = (micros: number) => micros / MICROS_PER_USD;

/** A key's dollar budget: what is left of it in the window the gateway enforces. */
export async function budgetView(token: Pick<ApiToken, "id" | "limitUsd" | "limitUsdReset">, now = new Date()) {
  const window = tokenWindow(token.limitUsdReset, now);
  return budgetLeft(token, token.limitUsd === null ? 0 : await spendStore().read(spendKey(token.id, window.key)), window);
}

function budgetLeft(token: Pick<ApiToken, "limitUsd" | "limitUsdReset">, spent: number, window: ReturnType<typeof tokenWindow>) {
  return {
    limit_usd: token.limitUsd,
    limit_usd_reset: token.limitUsdReset,
    limit_usd_remaining: token.limitUsd === null ? null : usd(Math.max(0, Math.round(token.limitUsd * MICROS_PER_USD) - spent)),
    limit_usd_resets_at: token.limitUsd === null ? null : window.resetsAt?.toISOString() ?? null,
  };
}

/** Dollars spent, as OpenRouter's key objects show them: in all, this UTC day, week and month. */
export function spendView(spend: KeySpend = NO_SPEND) {
  return { usage: usd(spend.total), usage_daily: usd(spend.daily), usage_weekly: usd(spend.weekly), usage_monthly: usd(spend.monthly) };
}

/** An API key as the management API shows it: never the key itself. */
export async function toKeyView(token: ApiToken, counters: CounterStore, spend: KeySpend | undefined, now = new Date()) {
  const messages = await counters.read(`token:${token.id}:${tokenWindow(token.limitReset, now).key}`);
  return keyView(token, { messages, budget: await budgetView(token, now) }, spend, now);
}

/**
 * A key just created, from its record alone: nothing can have been counted against it yet, so no
 * counter is read (with Redis away, the key is still shown, once, rather than saved and lost).
 */
export function newKeyView(token: ApiToken, now = new Date()) {
  return keyView(token, { messages: 0, budget: budgetLeft(token, 0, tokenWindow(token.limitUsdReset, now)) }, undefined, now);
}

type Counted = { messages: number; budget: ReturnType<typeof budgetLeft> };

function keyView(token: ApiToken, { messages, budget }: Counted, spend: KeySpend | undefined, now: Date) {
  const window = tokenWindow(token.limitReset, now);
  return {
    hash: token.tokenHash,
    name: token.name,
    label: token.prefix,
    disabled: token.disabled,
    is_default: token.isDefault,
    allowed_providers: token.allowedProviders,
    strategy: token.strategy ? toApiStrategy(token.strategy) : null,
    ...spendView(spend),
    limit: token.limit,
    limit_reset: token.limitReset,
    usage_messages: messages,
    limit_remaining: token.limit === null ? null : Math.max(0, token.limit - messages),
    limit_resets_at: token.limit === null ? null : window.resetsAt?.toISOString() ?? null,
    ...budget,
    app_origin: token.appOrigin,
    created_at: token.createdAt.toISOString(),
    updated_at: token.updatedAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
  };
}

export type KeyView = ReturnType<typeof keyView>;
