import type { Plan } from "@/lib/db/generated/enums";
import { PLANS } from "@/lib/quota/plans";
import { localReturnPath } from "@/lib/security/safe-redirect";

/** A paid plan picked on Pricing ("Choose Pro"), or null for Free, nothing or an unknown name. */
export function chosenPaidPlan(plan: string | undefined): Plan | null {
  return plan && Object.hasOwn(PLANS, plan) && PLANS[plan as Plan].priceUsd > 0 ? (plan as Plan) : null;
}

/**
 * Where sign-up leads, and where /signup sends someone already signed in: Billing with the plan
 * chosen on Pricing, else the safe local `callbackUrl`, else the dashboard.
 */
export function afterSignUpPath({ plan, callbackUrl }: { plan?: string; callbackUrl?: string }): string {
  const paid = chosenPaidPlan(plan);
  return paid ? `/dashboard/billing?plan=${paid}` : localReturnPath(callbackUrl);
}
