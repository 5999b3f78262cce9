import type { Plan } from "@/lib/db/generated/enums";

export interface PlanInfo {
  id: Plan;
  name: string;
  priceUsd: number;
  /** Messages a month; null is unlimited. */
  messages: number | null;
}

export const PLANS: Record<Plan, PlanInfo> = {
  free: { id: "free", name: "Free", priceUsd: 0, messages: 100 },
  starter: { id: "starter", name: "Starter", priceUsd: 29, messages: 1_000 },
  pro: { id: "pro", name: "Pro", priceUsd: 49, messages: 5_000 },
  enterprise: { id: "enterprise", name: "Enterprise", priceUsd: 69, messages: null },
};

/** The month's message limit: the plan's, plus referral bonus messages. */
export function monthlyMessageLimit(plan: Plan, bonusMessages: number): number | null {
  const base = PLANS[plan].messages;
  return base === null ? null : base + bonusMessages;
}
