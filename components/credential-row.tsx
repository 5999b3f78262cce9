import type { CredentialView } from "@/lib/services/credentials/credential-view";
import { credentialState, type CredentialBadge } from "@/lib/services/credentials/credential-state";
import { expiryNotice } from "@/lib/services/credentials/expiry-notice";
import { CredentialActions, MoveButtons } from "./credential-actions";

const RED = "bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/30";
const AMBER = "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30";
const BADGE_STYLE: Record<CredentialBadge, string> = {
  active: "bg-green-50 text-green-700 ring-green-600/20 dark:bg-green-950 dark:text-green-300 dark:ring-green-400/30",
  invalid: RED,
  refused: RED,
  expired: AMBER,
  cooling: "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-400/30",
  disabled: "bg-zinc-100 text-zinc-600 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/30",
};
const PILL = "rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";
const EXPIRY_STYLE = { ok: "text-zinc-500", warning: "font-medium text-amber-700 dark:text-amber-400", expired: "font-medium text-red-600 dark:text-red-400" };

const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

/** One credential, masked. `moveUp` / `moveDown` are the whole failover order after that move. */
export function CredentialRow({ credential: c, providerName, moveUp, moveDown }: { credential: CredentialView; providerName: string; moveUp?: string; moveDown?: string }) {
  const state = credentialState(c);
  const expiry = expiryNotice(c.expiresAt);
  return (
    <li className="space-y-3 p-4 sm:p-5" data-credential-id={c.id}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium">{providerName}</span>
            {c.label !== providerName && <span className="min-w-0 break-words text-zinc-600 dark:text-zinc-400" data-testid="credential-label">· {c.label}</span>}
            <span className={`${PILL} ${BADGE_STYLE[state.badge]}`} data-testid="credential-status">{state.text}</span>
            <span className={`${PILL} bg-zinc-100 text-zinc-600 ring-zinc-500/10 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/20`}>{c.kind === "oauth_token" ? "OAuth token" : "API key"}</span>
            {state.unverified && <span className={`${PILL} ${AMBER}`} data-testid="credential-unverified">not verified</span>}
          </div>
          <div className="font-mono text-sm break-all text-zinc-700 dark:text-zinc-300" data-testid="credential-masked">
            {c.masked}
            {c.baseUrl && <span className="text-zinc-500"> · {c.baseUrl}</span>}
            {c.accountId && <span className="text-zinc-500"> · account {c.accountId}</span>}
          </div>
          <div className="text-xs text-zinc-500">
            Last used <span data-testid="credential-last-used">{when(c.lastUsedAt)}</span> · added {when(c.createdAt)}
          </div>
          {expiry && <div className={`text-xs ${EXPIRY_STYLE[expiry.level]}`} data-testid="expiry">{expiry.text}</div>}
        </div>
        {(moveUp || moveDown) && <MoveButtons moveUp={moveUp} moveDown={moveDown} />}
      </div>
      {c.lastError && (
        <p className={`text-sm break-words ${state.needsAttention ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`} data-testid="credential-error">
          <span className="font-medium">{state.needsAttention ? `${providerName} said` : "Last error"} ({when(c.lastErrorAt)}):</span> {c.lastError}
        </p>
      )}
      {state.nextCheck && <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="credential-next-check">{state.nextCheck}</p>}
      {state.unverified && <p className="text-sm break-words text-amber-800 dark:text-amber-300" data-testid="credential-check-note">{state.unverified}</p>}
      <CredentialActions id={c.id} label={c.label} disabled={c.disabled} recheck={state.canRecheck} />
    </li>
  );
}
