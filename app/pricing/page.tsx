import type { Metadata } from "next";
import Link from "next/link";
import { PLANS } from "@/lib/quota/plans";

export const metadata: Metadata = { title: "Pricing" };

const EVERY_PLAN = ["All 11 providers and custom endpoints", "API keys and OAuth tokens", "Routing strategies and failover", "Usage dashboard and API tokens"];

const NOTES = [
  ["No token markup", "You pay your providers directly for tokens. A plan only sets how many messages (API requests) you can send a month."],
  ["Monthly reset", "Limits reset on the 1st of each month at 00:00 UTC. Requests that fail before any output are not counted."],
  ["Referral bonus", "Bonus messages from referrals add to your monthly limit, on any plan."],
];

export default function PricingPage() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-14 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Pricing</h1>
      <p className="muted mt-3 max-w-2xl text-lg">Simple monthly plans. Every plan has every feature; they differ only in messages per month.</p>
      <div className="mt-10 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="plans">
        {Object.values(PLANS).map((plan) => (
          <section key={plan.id} className="card flex flex-col p-6" aria-labelledby={`plan-${plan.id}`}>
            <h2 id={`plan-${plan.id}`} className="text-lg font-semibold">{plan.name}</h2>
            <p className="mt-3 text-4xl font-bold tracking-tight">
              ${plan.priceUsd}
              <span className="text-base font-normal text-zinc-500"> / month</span>
            </p>
            <p className="mt-2 flex-1 font-medium text-indigo-700 dark:text-indigo-300">
              {plan.messages === null ? "Unlimited messages" : `${plan.messages.toLocaleString("en-US")} messages / month`}
            </p>
            <Link href={plan.priceUsd === 0 ? "/signup" : `/signup?plan=${plan.id}`} className={`btn mt-6 ${plan.priceUsd === 0 ? "btn-primary" : "btn-secondary"}`}>
              {plan.priceUsd === 0 ? "Start free" : `Choose ${plan.name}`}
            </Link>
          </section>
        ))}
      </div>
      <div className="card mt-4 flex flex-col gap-3 bg-zinc-50 sm:flex-row sm:items-center sm:gap-6 dark:bg-zinc-900/60">
        <h2 className="shrink-0 text-sm font-semibold">Every plan includes</h2>
        <ul className="muted grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:flex lg:flex-wrap">
          {EVERY_PLAN.map((feature) => (
            <li key={feature} className="flex gap-2">
              <span aria-hidden="true" className="text-indigo-600 dark:text-indigo-400">✓</span>
              {feature}
            </li>
          ))}
        </ul>
      </div>
      <dl className="mt-12 grid gap-6 border-t border-zinc-200 pt-10 sm:grid-cols-3 dark:border-zinc-800">
        {NOTES.map(([title, text]) => (
          <div key={title}>
            <dt className="font-semibold">{title}</dt>
            <dd className="muted mt-2 text-sm leading-relaxed">{text}</dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
