import { authenticateApiToken } from "@/lib/auth/api-token";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { counterStore } from "@/lib/quota/admit-message";
import { messagesUsedThisMonth } from "@/lib/quota/messages-used";
import { nextMonthStart, tokenWindow } from "@/lib/quota/periods";
import { monthlyMessageLimit, PLANS } from "@/lib/quota/plans";
import { toApiStrategy } from "@/lib/services/api-keys/strategy-names";
import { usageWriter } from "@/lib/usage/usage-writer";
import { keySpend } from "@/lib/services/api-keys/key-spend";
import { budgetView, spendView } from "@/lib/services/api-keys/key-view";

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
    return Response.json({
      data: {
        name: caller.tokenName,
        // OpenRouter's clients read the key's name as `label`.
        label: caller.tokenName,
        // Dollars at the providers' prices, as OpenRouter's `usage`; this token's messages beside them.
        ...spendView(spend.get(caller.tokenId)),
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
    return openAiErrorResponse(error);
  }
}
