import type { Metadata } from "next";
import { ManageBillingButton, PlanChangeButton } from "@/components/billing-buttons";
import { UnavailableButton } from "@/components/unavailable-button";
import { chosenPaidPlan } from "@/lib/auth/after-sign-up";
import { requireUser } from "@/lib/auth/current-user";
import type { Plan } from "@/lib/db/generated/enums";
import { PLANS } from "@/lib/quota/plans";
import { billingOverview, type BillingOverview } from "@/lib/services/billing/billing-overview";

export const metadata: Metadata = { title: "Billing" };

type SearchParams = Promise<{ checkout?: string; plan?: string }>;

const ORDER = Object.keys(PLANS) as Plan[];
const day = (date: Date) => date.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const count = (n: number) => n.toLocaleString("en-US");
const notice = "rounded-lg border px-4 py-3 text-sm";
const NOT_CONFIGURED = "Unavailable: billing (Stripe) is not configured on this server, so plans cannot be bought here. The operator can set your plan.";

/** The plan picked on Pricing ("Choose Pro"), named at the top of the page. */
function ChosenPlanNotice({ chosen, overview }: { chosen: Plan; overview: BillingOverview }) {
  const name = PLANS[chosen].name;
  const text = chosen === overview.plan
    ? `You chose ${name} on Pricing, and it is already your plan.`
    : `You chose ${name} on Pricing: ${overview.configured ? `its button below takes you to checkout.` : "it cannot be bought on this server (see above)."}`;
  return <p role="status" data-testid="chosen-plan" className={`${notice} border-indigo-200 bg-indigo-50 text-indigo-800 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-200`}>{text}</p>;
}

function CheckoutNotice({ outcome }: { outcome?: string }) {
  if (outcome === "success") {
    return <p role="status" data-testid="checkout-notice" className={`${notice} border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200`}>Payment received. Your plan changes as soon as Stripe confirms it, usually within seconds; reload if it has not yet.</p>;
  }
  if (outcome === "cancelled") {
    return <p role="status" data-testid="checkout-notice" className={`${notice} border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300`}>Checkout was cancelled; nothing was charged.</p>;
  }
  return null;
}

function subscriptionLine({ subscription }: BillingOverview): string | null {
  if (!subscription) return null;
  const name = PLANS[subscription.plan].name;
  const end = subscription.currentPeriodEnd && day(subscription.currentPeriodEnd);
  if (subscription.status === "past_due") return `The last payment for ${name} failed; Stripe is retrying. Update your card under Manage billing.`;
  if (!["active", "trialing"].includes(subscription.status)) return null;
  if (subscription.cancelAtPeriodEnd) return `Your ${name} subscription ends${end ? ` on ${end}` : ""}; you move to Free afterwards.`;
  return end ? `${name} renews on ${end}.` : null;
}

function CurrentPlan({ overview }: { overview: BillingOverview }) {
  const plan = PLANS[overview.plan];
  const { used, limit, bonus, resetsAt } = overview.messages;
  const share = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  const line = subscriptionLine(overview);
  return (
    <section className="card grid gap-6 sm:grid-cols-3" aria-label="Current plan">
      <div>
        <div className="text-xs text-zinc-500">Current plan</div>
        <div className="mt-1 text-2xl font-semibold" data-testid="billing-plan">{plan.name}</div>
        <div className="muted mt-1 text-sm">${plan.priceUsd} / month</div>
      </div>
      <div data-testid="billing-messages">
        <div className="text-xs text-zinc-500">Messages this month</div>
        <div className="mt-1 text-2xl font-semibold">
          {count(used)}
          <span className="text-base font-normal text-zinc-500"> / {limit === null ? "unlimited" : count(limit)}</span>
        </div>
        {limit !== null && <div className="mt-2 h-2 rounded bg-zinc-100 dark:bg-zinc-800"><div className={`h-2 rounded ${share >= 100 ? "bg-red-600" : "bg-indigo-600"}`} style={{ width: `${share}%` }} /></div>}
        {bonus > 0 && limit !== null && <div className="mt-1 text-xs text-zinc-500">Includes {count(bonus)} referral bonus messages.</div>}
      </div>
      <div>
        <div className="text-xs text-zinc-500">Resets</div>
        <div className="mt-1 text-2xl font-semibold" data-testid="billing-reset">{day(resetsAt)}</div>
        <div className="muted mt-1 text-sm">at 00:00 UTC</div>
      </div>
      {(line || (overview.configured && overview.hasBillingAccount)) && (
        <div className="flex flex-col gap-3 border-t border-zinc-200 pt-4 sm:col-span-3 sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
          <p className="muted text-sm" data-testid="subscription-line">{line ?? "Invoices, payment method and plan changes are in the Stripe customer portal."}</p>
          {overview.configured && overview.hasBillingAccount && <ManageBillingButton />}
        </div>
      )}
    </section>
  );
}

function PlanCards({ overview, chosen }: { overview: BillingOverview; chosen: Plan | null }) {
  const current = ORDER.indexOf(overview.plan);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="billing-plans">
      {ORDER.map((id, index) => {
        const plan = PLANS[id];
        const isCurrent = index === current;
        const label = `${index > current ? "Upgrade" : "Downgrade"} to ${plan.name}`;
        return (
          <section key={id} aria-labelledby={`billing-plan-${id}`} data-chosen={id === chosen || undefined} className={`card flex flex-col ${isCurrent || id === chosen ? "border-indigo-500 ring-1 ring-indigo-500 dark:border-indigo-400 dark:ring-indigo-400" : ""}`}>
            <div className="flex items-center justify-between gap-2">
              <h3 id={`billing-plan-${id}`} className="text-lg font-semibold">{plan.name}</h3>
              {isCurrent && <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">Current</span>}
              {!isCurrent && id === chosen && <span className="rounded-full bg-indigo-600 px-2 py-0.5 text-xs font-medium text-white dark:bg-indigo-500">Your choice</span>}
            </div>
            <p className="mt-3 text-3xl font-bold tracking-tight">${plan.priceUsd}<span className="text-base font-normal text-zinc-500"> / month</span></p>
            <p className="mt-2 flex-1 text-sm font-medium text-indigo-700 dark:text-indigo-300">{plan.messages === null ? "Unlimited messages" : `${count(plan.messages)} messages / month`}</p>
            {isCurrent ? (
              <button type="button" disabled className="btn btn-secondary mt-6 w-full">Current plan</button>
            ) : overview.configured ? (
              <PlanChangeButton plan={id} label={label} primary={index > current} />
            ) : (
              <UnavailableButton id={`plan-change-${id}`} label={label} reason={NOT_CONFIGURED} className="mt-6" />
            )}
          </section>
        );
      })}
    </div>
  );
}

export default async function BillingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/dashboard/billing");
  const [overview, { checkout, plan }] = await Promise.all([billingOverview(user), searchParams]);
  const chosen = chosenPaidPlan(plan);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Billing</h1>
        <p className="muted mt-1 text-sm">Plans differ only in messages per month; you pay your providers for tokens directly.{overview.configured && " Payments are handled by Stripe."}</p>
      </header>
      {overview.configured ? (
        <CheckoutNotice outcome={checkout} />
      ) : (
        <p role="status" data-testid="billing-not-configured" className={`${notice} border-amber-200 bg-amber-50 text-amber-800 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200`}>
          Billing is not configured on this server, so plans cannot be bought or changed here. Everything else works as usual; the operator can set your plan with <code className="font-mono">npx oauthrouter</code>.
        </p>
      )}
      {chosen && <ChosenPlanNotice chosen={chosen} overview={overview} />}
      <CurrentPlan overview={overview} />
      <section className="space-y-4">
        <h2 className="text-lg font-semibold">Plans</h2>
        <PlanCards overview={overview} chosen={chosen} />
        {overview.configured && <p className="text-xs text-zinc-500">New subscriptions go through Stripe Checkout; changing or cancelling an existing one happens in the Stripe customer portal, prorated by Stripe.</p>}
      </section>
    </div>
  );
}
