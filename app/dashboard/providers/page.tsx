import type { Metadata } from "next";
import { AddCredentialForm } from "@/components/add-credential-form";
import { CredentialRow } from "@/components/credential-row";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { providerRegistry } from "@/lib/providers/registry";
import { listCredentials } from "@/lib/services/credentials/manage-credentials";

export const metadata: Metadata = { title: "Providers" };

/** The ids in order with positions `i` and `j` swapped, as a comma list for the reorder action. */
function swapped(ids: string[], i: number, j: number): string | undefined {
  if (j < 0 || j >= ids.length) return undefined;
  const next = [...ids];
  [next[i], next[j]] = [next[j], next[i]];
  return next.join(",");
}

export default async function ProvidersPage() {
  const user = await requireUser("/dashboard/providers");
  const credentials = await listCredentials(user.id);
  const providers = providerRegistry.map(({ id, name, keyHint, auth }) => ({ id, name, keyHint, oauth: auth === "anthropic" }));
  const names = Object.fromEntries(providers.map((p) => [p.id, p.name]));
  const ids = credentials.map((c) => c.id);
  return (
    <div className="space-y-8">
      <PageHeader title="Providers">Your own credentials, encrypted at rest. After saving, only the last four characters are ever shown.</PageHeader>
      <section className="card" aria-labelledby="add-credential-heading">
        <h2 id="add-credential-heading" className="mb-4 text-lg font-semibold">Add a credential</h2>
        <AddCredentialForm providers={providers} />
      </section>
      <section aria-labelledby="credentials-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="credentials-heading" className="text-lg font-semibold">Your credentials</h2>
          {credentials.length > 1 && <p className="text-xs text-zinc-500">Top to bottom is the failover order; the arrows move a credential.</p>}
        </div>
        {credentials.length === 0 ? (
          <div className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" data-testid="no-credentials">
            <p className="font-medium text-zinc-900 dark:text-zinc-100">No credentials yet</p>
            <p className="mt-1">Paste an API key from any provider above (Anthropic, OpenAI, Google, …). Several keys for one provider share the load and stand in for each other.</p>
          </div>
        ) : (
          <ul className="card divide-y divide-zinc-200 p-0 dark:divide-zinc-800" data-testid="credentials">
            {credentials.map((c, i) => (
              <CredentialRow key={c.id} credential={c} providerName={names[c.provider] ?? c.provider} moveUp={swapped(ids, i, i - 1)} moveDown={swapped(ids, i, i + 1)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
