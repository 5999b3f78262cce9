import type { Metadata } from "next";
import { ConfirmSubmit } from "@/components/confirm-submit";
import { BudgetForm, NewManagementKeyForm, NewTokenForm } from "@/components/new-key-forms";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { providerRegistry } from "@/lib/providers/registry";
import { listKeys } from "@/lib/services/api-keys/manage-keys";
import { API_STRATEGIES, STRATEGY_EXPLANATIONS } from "@/lib/services/api-keys/strategy-names";
import { listManagementKeys } from "@/lib/services/management-keys/create-management-key";
import { deleteManagementKeyAction, deleteTokenAction, toggleTokenAction } from "./actions";

export const metadata: Metadata = { title: "Keys" };

const PILL = "rounded-full px-2 py-0.5 text-xs font-medium";
const day = (iso: string | Date | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : "never");
const usd = (n: number) => `$${n < 1 && n > 0 ? n.toFixed(4) : n.toFixed(2)}`;

function Spend({ t }: { t: Awaited<ReturnType<typeof listKeys>>[number] }) {
  if (t.limit_usd === null) return <>spent {usd(t.usage_monthly)} this month</>;
  const spent = t.limit_usd - (t.limit_usd_remaining ?? 0);
  return <span className={t.limit_usd_remaining === 0 ? "font-medium text-red-600 dark:text-red-400" : ""}>{usd(spent)} of {usd(t.limit_usd)} budget ({t.limit_usd_reset})</span>;
}

export default async function KeysPage() {
  const user = await requireUser("/dashboard/keys");
  const [tokens, managementKeys] = await Promise.all([listKeys(user.id), listManagementKeys(user.id)]);
  const providers = providerRegistry.map(({ id, name }) => ({ id, name }));
  const names = Object.fromEntries(providers.map((p) => [p.id, p.name]));
  const strategies = API_STRATEGIES.map((id) => ({ id, explanation: STRATEGY_EXPLANATIONS[id] }));
  return (
    <div className="space-y-8">
      <PageHeader title="Keys">API tokens (lr_live_) call the API; management keys (lr_mgmt_) create and revoke tokens through /api/v1/keys. Both are stored only as hashes.</PageHeader>
      <section className="card" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="mb-4 text-lg font-semibold">New API token</h2>
        <NewTokenForm providers={providers} strategies={strategies} />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-3 text-lg font-semibold">API tokens</h2>
        {tokens.length === 0 ? (
          <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No tokens. Create one above, or regenerate your default token in My API.</p>
        ) : (
          <ul className="card divide-y divide-zinc-200 p-0 dark:divide-zinc-800" data-testid="tokens">
            {tokens.map((t) => (
              <li key={t.hash} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:p-5">
                <div className="min-w-0 space-y-1 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all">{t.name}</span>
                    {t.is_default && <span className={`${PILL} bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300`}>default</span>}
                    {t.disabled && <span className={`${PILL} bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300`}>disabled</span>}
                  </div>
                  <div className="font-mono text-xs text-zinc-500">{t.label}</div>
                  <div className="text-xs text-zinc-600 dark:text-zinc-400">
                    {t.limit === null ? "no limit" : `${t.usage_messages} / ${t.limit} messages (${t.limit_reset})`} · <Spend t={t} /> · providers: {t.allowed_providers.length ? t.allowed_providers.map((p) => names[p] ?? p).join(", ") : "all"} · strategy: {t.strategy ?? "account default"} · last used {day(t.last_used_at)}
                  </div>
                  <BudgetForm hash={t.hash} name={t.name} limitUsd={t.limit_usd} reset={t.limit_usd_reset} />
                </div>
                <div className="flex shrink-0 flex-wrap items-center gap-2">
                  <form action={toggleTokenAction}>
                    <input type="hidden" name="hash" value={t.hash} />
                    <input type="hidden" name="disabled" value={String(!t.disabled)} />
                    <button type="submit" className="btn btn-secondary btn-sm">{t.disabled ? "Enable" : "Disable"}</button>
                  </form>
                  <form action={deleteTokenAction}>
                    <input type="hidden" name="hash" value={t.hash} />
                    <ConfirmSubmit label="Delete" confirmLabel="Yes, delete" warning="Apps using it stop working." className="btn btn-danger btn-sm" />
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card space-y-4" aria-labelledby="management-heading">
        <div>
          <h2 id="management-heading" className="text-lg font-semibold">Management keys</h2>
          <p className="muted mt-1 text-sm">For your own scripts: they list, create, change and delete API tokens, and cannot call models.</p>
        </div>
        <NewManagementKeyForm />
        {managementKeys.length === 0 ? (
          <p className="text-sm text-zinc-500" data-testid="no-management-keys">No management keys yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 border-t border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800" data-testid="management-keys">
            {managementKeys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <span className="min-w-0">
                  <span className="font-medium">{k.name}</span> <span className="font-mono text-xs text-zinc-500">{k.prefix}</span>
                  <span className="block text-xs text-zinc-500">Created {day(k.createdAt)} · last used {day(k.lastUsedAt)}</span>
                </span>
                <form action={deleteManagementKeyAction}>
                  <input type="hidden" name="id" value={k.id} />
                  <ConfirmSubmit label="Delete" confirmLabel="Yes, delete" className="btn btn-danger btn-sm" />
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
