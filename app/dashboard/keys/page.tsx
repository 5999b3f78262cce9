import { NewManagementKeyForm, NewTokenForm } from "@/components/new-key-forms";
import { requireUser } from "@/lib/auth/current-user";
import { providerRegistry } from "@/lib/providers/registry";
import { listKeys } from "@/lib/services/api-keys/manage-keys";
import { API_STRATEGIES } from "@/lib/services/api-keys/strategy-names";
import { listManagementKeys } from "@/lib/services/management-keys/create-management-key";
import { deleteManagementKeyAction, deleteTokenAction, toggleTokenAction } from "./actions";

const small = "rounded-md border border-zinc-300 px-2.5 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

export default async function KeysPage() {
  const user = await requireUser("/dashboard/keys");
  const [tokens, managementKeys] = await Promise.all([listKeys(user.id), listManagementKeys(user.id)]);
  const providers = providerRegistry.map(({ id, name }) => ({ id, name }));
  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-2xl font-semibold">Keys</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">API tokens (lr_live_) call the API; management keys (lr_mgmt_) manage tokens through /api/v1/keys. Both are stored only as hashes.</p>
      </section>
      <section className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
        <h2 className="mb-4 text-lg font-semibold">New API token</h2>
        <NewTokenForm providers={providers} strategies={API_STRATEGIES} />
      </section>
      <section>
        <h2 className="mb-3 text-lg font-semibold">API tokens</h2>
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="tokens">
          {tokens.map((t) => (
            <li key={t.hash} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 text-sm">
                <div className="font-medium">{t.name}{t.is_default && <span className="ml-2 text-xs text-zinc-500">(default)</span>}{t.disabled && <span className="ml-2 rounded-full bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800">disabled</span>}</div>
                <div className="font-mono text-xs text-zinc-500">{t.label}</div>
                <div className="text-xs text-zinc-500">
                  {t.limit === null ? "no limit" : `${t.usage} / ${t.limit} messages (${t.limit_reset})`} · providers: {t.allowed_providers.length ? t.allowed_providers.join(", ") : "all"} · strategy: {t.strategy ?? "account default"}
                </div>
              </div>
              <div className="flex gap-2">
                <form action={toggleTokenAction}><input type="hidden" name="hash" value={t.hash} /><input type="hidden" name="disabled" value={String(!t.disabled)} /><button className={small}>{t.disabled ? "Enable" : "Disable"}</button></form>
                <form action={deleteTokenAction}><input type="hidden" name="hash" value={t.hash} /><button className={`${small} text-red-700 dark:text-red-400`}>Delete</button></form>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
        <h2 className="mb-4 text-lg font-semibold">Management keys</h2>
        <NewManagementKeyForm />
        <ul className="mt-4 divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          {managementKeys.map((k) => (
            <li key={k.id} className="flex items-center justify-between py-2">
              <span>{k.name} <span className="font-mono text-xs text-zinc-500">{k.prefix}</span></span>
              <form action={deleteManagementKeyAction}><input type="hidden" name="id" value={k.id} /><button className={`${small} text-red-700 dark:text-red-400`}>Delete</button></form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
