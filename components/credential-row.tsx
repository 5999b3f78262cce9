import { deleteCredentialAction, reorderCredentialsAction, toggleCredentialAction } from "@/app/dashboard/actions";
import type { CredentialView } from "@/lib/services/credentials/credential-view";
import { expiryNotice } from "@/lib/services/credentials/expiry-notice";
import { ConfirmSubmit } from "./confirm-submit";

const STATUS_STYLE: Record<string, string> = {
  active: "bg-green-50 text-green-700 ring-green-600/20 dark:bg-green-950 dark:text-green-300 dark:ring-green-400/20",
  invalid: "bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/20",
  refused: "bg-amber-50 text-amber-700 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/20",
  expired: "bg-amber-50 text-amber-700 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/20",
  disabled: "bg-zinc-100 text-zinc-600 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-400/20",
};

const EXPIRY_STYLE = { ok: "text-zinc-500", warning: "font-medium text-amber-700 dark:text-amber-400", expired: "font-medium text-red-600 dark:text-red-400" };

const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

function MoveButton({ order, label, symbol }: { order?: string; label: string; symbol: string }) {
  return (
    <form action={reorderCredentialsAction}>
      <input type="hidden" name="order" value={order ?? ""} />
      <button type="submit" disabled={!order} title={label} aria-label={label} className="btn btn-secondary size-8 p-0 disabled:opacity-35">{symbol}</button>
    </form>
  );
}

/** One credential, masked. `moveUp` / `moveDown` are the whole failover order after that move. */
export function CredentialRow({ credential: c, providerName, moveUp, moveDown }: { credential: CredentialView; providerName: string; moveUp?: string; moveDown?: string }) {
  const status = c.disabled ? "disabled" : c.status;
  const expiry = expiryNotice(c.expiresAt);
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-credential-id={c.id}>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{providerName}</span>
          {c.label !== providerName && <span className="text-zinc-600 dark:text-zinc-400">· {c.label}</span>}
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status] ?? STATUS_STYLE.disabled}`} data-testid="credential-status">{status}</span>
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">{c.kind === "oauth_token" ? "OAuth token" : "API key"}</span>
        </div>
        <div className="mt-1 font-mono text-sm break-all text-zinc-700 dark:text-zinc-300" data-testid="credential-masked">
          {c.masked}
          {c.baseUrl && <span className="text-zinc-500"> · {c.baseUrl}</span>}
          {c.accountId && <span className="text-zinc-500"> · account {c.accountId}</span>}
        </div>
        <div className="mt-1 text-xs text-zinc-500">Last used {when(c.lastUsedAt)}</div>
        {expiry && <div className={`mt-1 text-xs ${EXPIRY_STYLE[expiry.level]}`} data-testid="expiry">{expiry.text}</div>}
        {c.lastError && <div className="mt-1 text-xs break-words text-red-600 dark:text-red-400">Last error ({when(c.lastErrorAt)}): {c.lastError}</div>}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm sm:justify-end">
        {(moveUp || moveDown) && (
          <div className="flex gap-1">
            <MoveButton order={moveUp} label="Move up in failover order" symbol="↑" />
            <MoveButton order={moveDown} label="Move down in failover order" symbol="↓" />
          </div>
        )}
        <form action={toggleCredentialAction}>
          <input type="hidden" name="id" value={c.id} />
          <input type="hidden" name="disabled" value={String(!c.disabled)} />
          <button type="submit" className="btn btn-secondary btn-sm">{c.disabled ? "Enable" : "Disable"}</button>
        </form>
        <form action={deleteCredentialAction}>
          <input type="hidden" name="id" value={c.id} />
          <ConfirmSubmit label="Delete" confirmLabel="Yes, delete" className="btn btn-danger btn-sm" />
        </form>
      </div>
    </li>
  );
}
