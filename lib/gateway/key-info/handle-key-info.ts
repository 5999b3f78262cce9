import { authenticateApiToken } from "@/lib/auth/api-token";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { counterStore } from "@/lib/quota/admit-message";
import { messagesUsedThisMonth } from "@/lib/quota/messages-used";
import { nextMonthStart, tokenWindow } from "@/lib/quota/periods";
import { monthlyMessageLimit, PLANS } from "@/lib/quota/plans";
import { toApiStrategy } from "@/lib/services/api-keys/strategy-names";
import { usageWriter } from "@/lib/usage/usage-writer";
import { keySpend } from "@/lib/services/api-keys/key-spend";
import { budgetView, spendView } from "@/lib/services/api-keys/key-view";
import { LeanResponse } from "@/lib/http/lean-response";

/**
 * The rest of OpenRouter's key record, as its SDK requires it: what does not exist here is null,
 * empty or false. Every request here is bring-your-own-key, so its BYOK spend is all of its spend.
 */
const OPENROUTER_KEY_FIELDS = {
  include_byok_in_limit: true,
  is_management_key: false,
  is_provisioning_key: false,
  allowed_data_regions: [],
  free_model_daily_requests: { limit: 0, remaining: 0, used: 0 },
  rate_limit: { requests: -1, interval: "10s", note: "No request-rate limit applies to this key; messages holds its message limits." },
  creator_user_id: null,
  organization_id: null,
  workspace_id: null,
};

function byokSpend(view: ReturnType<typeof spendView>) {
  return { ...view, byok_usage: view.usage, byok_usage_daily: view.usage_daily, byok_usage_weekly: view.usage_weekly, byok_usage_monthly: view.usage_monthly };
}

/** GET /api/v1/auth/key (and /api/v1/key): what the calling token may still do. */
export async function handleKeyInfo(request: Request): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const now = new Date();
    const counters = counterStore();
    // This instance's usage rows still in the buffer count in the spend below.
    if (usageWriter().pending() > 0) await usageWriter().flush().catch(() => undefined);
    const window = tokenWindow(caller.limitReset, now);
    const [tokenUsage, monthUsed, spend, budget] = await Promise.all([
      counters.read(`token:${caller.tokenId}:${window.key}`),
      messagesUsedThisMonth(caller, now),
      keySpend([caller.tokenId], now),
      budgetView({ id: caller.tokenId, limitUsd: caller.limitUsd, limitUsdReset: caller.limitUsdReset }, now),
    ]);
    const monthLimit = monthlyMessageLimit(caller.plan, caller.bonusMessages);
    return LeanResponse.json({
      data: {
        ...OPENROUTER_KEY_FIELDS,
        name: caller.tokenName,
        // OpenRouter's clients read the key's name as `label`.
        label: caller.tokenName,
        // Dollars at the providers' prices, as OpenRouter's `usage`; this token's messages beside them.
        ...byokSpend(spendView(spend.get(caller.tokenId))),
        usage_messages: tokenUsage,
        limit: caller.limit,
        limit_reset: caller.limitReset,
        limit_remaining: caller.limit === null ? null : Math.max(0, caller.limit - tokenUsage),
        ...budget,
        allowed_providers: caller.allowedProviders,
        strategy: toApiStrategy(caller.strategy),
        plan: caller.plan,
        plan_name: PLANS[caller.plan].name,
        is_free_tier: caller.plan === "free",
        messages: {
          used: monthUsed,
          limit: monthLimit,
          remaining: monthLimit === null ? null : Math.max(0, monthLimit - monthUsed),
          bonus: caller.bonusMessages,
          resets_at: nextMonthStart(now).toISOString(),
        },
      },
    });
  } catch (error) {
    return errorResponseFor(request, error);
  }
}
