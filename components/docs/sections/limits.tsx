import Link from "next/link";
import { PLANS } from "@/lib/quota/plans";
import { C, DefinitionRows, DocSection, Prose } from "../doc-parts";

export function LimitsSection({ referrerBonus, referredBonus }: { referrerBonus: number; referredBonus: number }) {
  const rows = Object.values(PLANS).map((plan) => ({
    key: plan.id,
    name: plan.name,
    kind: plan.priceUsd === 0 ? "free" : `$${plan.priceUsd} / month`,
    text: plan.messages === null ? "Unlimited messages" : `${plan.messages.toLocaleString("en-US")} messages a month`,
  }));
  return (
    <DocSection id="limits" title="Limits and plans" lead="Plans count messages, not tokens: you pay your providers for tokens directly, with no markup.">
      <DefinitionRows label="Plans" rows={rows} mono={false} />
      <Prose>
        A message is one request to chat completions, <C>/v1/responses</C>, <C>/v1/messages</C> or Gemini&apos;s generate endpoints. Embeddings, token counts, model lists and requests that fail before any output are not counted.
        Limits reset on the 1st of each month at 00:00 UTC. When they are used up, requests get <C>429 rate_limit_error</C> with code <C>message_limit</C>, <C>metadata.resets_at</C> and <C>Retry-After</C>.
      </Prose>
      <Prose>
        Referrals: when someone signs up through your link (on <Link href="/dashboard/referrals" className="link">Referrals</Link>) and makes their first successful request, you get {referrerBonus} bonus messages and they get {referredBonus}.
        Until then the referral is listed as pending; your bonuses are capped per calendar month (the page shows how many are left), theirs never. Bonus messages add to the monthly limit, on any plan.
      </Prose>
      <Prose>
        A key can also have a limit of its own (daily, weekly, monthly or never resetting), set on the Keys page or through the <a href="#key-management" className="link">key management API</a>; whichever limit runs out first applies.
        <C> GET /api/v1/auth/key</C> shows both. <Link href="/pricing" className="link">Compare plans</Link>.
      </Prose>
      <Prose>
        Spend: every answer carries <C>usage.cost</C>, what the request cost at your provider&apos;s prices in dollars (<C>null</C> when the model&apos;s price is unknown), and a key can have a dollar budget
        (<C>limit_usd</C>, per day, week, month or in total). The budget is checked when a request starts: once the spend recorded in its window reaches the budget, requests get <C>429 rate_limit_error</C> with code <C>budget_exceeded</C> until it resets;
        requests already running finish.
      </Prose>
    </DocSection>
  );
}
