import { CopyButton } from "@/components/copy-button";
import { requireUser } from "@/lib/auth/current-user";
import { env, publicUrl } from "@/lib/config/env";
import { referralSummary } from "@/lib/services/users/referrals";

export default async function ReferralsPage() {
  const user = await requireUser("/dashboard/referrals");
  const { referrals, earned } = await referralSummary(user.id);
  const link = `${publicUrl()}/signup?ref=${user.referralCode}`;
  const { REFERRAL_BONUS_REFERRER: yours, REFERRAL_BONUS_REFERRED: theirs } = env();
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-2xl font-semibold">Referrals</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Each friend who signs up with your link gets {theirs} bonus messages a month and you get {yours}. Bonus messages add to your plan&apos;s monthly limit.</p>
      </section>
      <section className="grid gap-4 rounded-xl border border-zinc-200 p-5 sm:grid-cols-2 dark:border-zinc-800">
        <div>
          <div className="mb-1 text-sm font-medium">Your link</div>
          <div className="flex items-center gap-2">
            <input readOnly value={link} data-testid="referral-link" className="w-full min-w-0 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900" />
            <CopyButton value={link} />
          </div>
        </div>
        <div>
          <div className="mb-1 text-sm font-medium">Your code</div>
          <div className="font-mono text-lg">{user.referralCode}</div>
        </div>
        <div className="text-sm">Bonus messages earned: <strong data-testid="referral-earned">{earned}</strong> · your bonus now: <strong>{user.bonusMessages}</strong></div>
      </section>
      <section>
        <h2 className="mb-3 text-lg font-semibold">Who signed up</h2>
        {referrals.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">Nobody yet. Share your link.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800" data-testid="referrals">
            {referrals.map((r) => <li key={r.email + r.joinedAt.toISOString()} className="flex justify-between p-3"><span>{r.email}</span><span className="text-zinc-500">{r.joinedAt.toISOString().slice(0, 10)} · +{r.bonus}</span></li>)}
          </ul>
        )}
      </section>
    </div>
  );
}
