import type { Metadata } from "next";
import { CopyButton } from "@/components/copy-button";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { env, publicUrl } from "@/lib/config/env";
import { referralSummary, type ReferralState } from "@/lib/services/users/referrals";

export const metadata: Metadata = { title: "Referrals" };

const REFERRAL_STATE_TEXT: Record<ReferralState, (bonus: number) => string> = {
  pending: () => "pending: no successful request yet",
  granted: (bonus) => `+${bonus} for you`,
  capped: () => "granted to them; over your monthly cap",
};

export default async function ReferralsPage() {
  const user = await requireUser("/dashboard/referrals");
  const { referrals, earned, pending, grantedThisMonth, monthlyCap } = await referralSummary(user.id);
  const link = `${publicUrl()}/signup?ref=${user.referralCode}`;
  const { REFERRAL_BONUS_REFERRER: yours, REFERRAL_BONUS_REFERRED: theirs } = env();
  return (
    <div className="space-y-8">
      <PageHeader title="Referrals">
        Each friend who signs up with your link gets {theirs} bonus messages a month and you get {yours}, once they have made their first successful request
        (up to {monthlyCap} bonuses for you a month). Bonus messages add to your plan&apos;s monthly limit.
      </PageHeader>
      <section className="card grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-4" aria-label="Your referral link">
        <div className="col-span-2 sm:col-span-4">
          <label htmlFor="referral-link" className="field-label">Your link</label>
          <div className="mt-1 flex items-center gap-2">
            <input id="referral-link" readOnly value={link} data-testid="referral-link" spellCheck={false} className="input mt-0 bg-zinc-50 font-mono dark:bg-zinc-950" />
            <CopyButton value={link} />
          </div>
          <p className="mt-1 text-xs text-zinc-500">Or tell them your code at sign-up: <span className="font-mono font-medium text-zinc-700 dark:text-zinc-300">{user.referralCode}</span></p>
        </div>
        <div>
          <div className="text-xs text-zinc-500">Friends signed up</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums">{referrals.length}</div>
        </div>
        <div>
          <div className="text-xs text-zinc-500">Pending first request</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid="referral-pending">{pending}</div>
          <div className="text-xs text-zinc-500">{grantedThisMonth} of {monthlyCap} bonuses this month</div>
        </div>
        <div>
          <div className="text-xs text-zinc-500">Bonus messages earned</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid="referral-earned">{earned}</div>
        </div>
        <div>
          <div className="text-xs text-zinc-500">Your bonus now</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums">{user.bonusMessages}</div>
          <div className="text-xs text-zinc-500">messages a month, on top of your plan</div>
        </div>
      </section>
      <section aria-labelledby="referred-heading">
        <h2 id="referred-heading" className="mb-3 text-lg font-semibold">Who signed up</h2>
        {referrals.length === 0 ? (
          <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            Nobody yet. Share your link: when a friend signs up with it, they appear here, and both of you get the bonus with their first successful request.
          </p>
        ) : (
          <ul className="card divide-y divide-zinc-200 p-0 text-sm dark:divide-zinc-800" data-testid="referrals">
            {referrals.map((r) => (
              <li key={r.email + r.joinedAt.toISOString()} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                <span className="break-all">{r.email}</span>
                <span className="text-zinc-500" data-state={r.state}>joined {r.joinedAt.toISOString().slice(0, 10)} · {REFERRAL_STATE_TEXT[r.state](r.bonus)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
