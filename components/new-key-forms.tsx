"use client";

import { useActionState, useState } from "react";
import { createManagementKeyAction, createTokenAction, setBudgetAction, type NewKeyState } from "@/app/dashboard/keys/actions";
import { CopyButton } from "./copy-button";
import { Notice } from "./notice";

function ShownOnce({ state }: { state: NewKeyState }) {
  if (state.error) return <Notice tone="error">{state.error}</Notice>;
  if (!state.key) return null;
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100" data-testid="new-key" role="status">
      <p className="mb-2 font-medium">Copy it now: it will not be shown again.</p>
      <div className="flex items-center gap-2">
        <input readOnly value={state.key} aria-label="New key" spellCheck={false} className="input mt-0 font-mono" />
        <CopyButton value={state.key} />
      </div>
    </div>
  );
}

export function NewTokenForm({ providers, strategies }: { providers: Array<{ id: string; name: string }>; strategies: ReadonlyArray<{ id: string; explanation: string }> }) {
  const [state, action, pending] = useActionState(createTokenAction, {});
  const [strategy, setStrategy] = useState("");
  const explanation = strategies.find((s) => s.id === strategy)?.explanation ?? "Whatever My API sets for the account.";
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" aria-label="New API token">
      <label className="field-label">
        Name
        <input name="name" required maxLength={80} className="input" placeholder="e.g. backend-service" />
      </label>
      <div className="grid grid-cols-2 gap-3">
        <label className="field-label">
          Message limit
          <input name="limit" type="number" min={0} inputMode="numeric" className="input" placeholder="No limit" />
        </label>
        <label className="field-label">
          Resets
          <select name="limit_reset" className="input" defaultValue="monthly">{["daily", "weekly", "monthly", "never"].map((r) => <option key={r}>{r}</option>)}</select>
        </label>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <label className="field-label">
          Dollar budget
          <input name="limit_usd" type="number" min={0} step="0.01" inputMode="decimal" className="input" placeholder="No budget" aria-describedby="token-budget-hint" />
        </label>
        <label className="field-label">
          Per
          <select name="limit_usd_reset" className="input" defaultValue="monthly">{["daily", "weekly", "monthly", "never"].map((r) => <option key={r}>{r}</option>)}</select>
        </label>
        <span id="token-budget-hint" className="col-span-2 -mt-2 text-xs text-zinc-500">At your providers&apos; prices: once the spend reaches it, requests get 429 until the reset.</span>
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="field-label">Allowed providers <span className="font-normal text-zinc-500">(none ticked: all of them)</span></legend>
        <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-3 lg:grid-cols-4">
          {providers.map((p) => (
            <label key={p.id} className="flex items-start gap-2 [&>input]:mt-0.5">
              <input type="checkbox" name="allowed_providers" value={p.id} className="size-4 shrink-0 accent-indigo-600" />
              {p.name}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field-label">
        Routing strategy
        <select name="strategy" className="input" value={strategy} onChange={(e) => setStrategy(e.target.value)} aria-describedby="token-strategy-hint">
          <option value="">Account default</option>
          {strategies.map((s) => <option key={s.id} value={s.id}>{s.id}</option>)}
        </select>
        <span id="token-strategy-hint" className="mt-1 block text-xs font-normal text-zinc-500">{explanation}</span>
      </label>
      <div className="space-y-3 sm:col-span-2">
        <ShownOnce state={state} />
        <button type="submit" disabled={pending} className="btn btn-primary">{pending ? "Creating…" : "Create token"}</button>
      </div>
    </form>
  );
}

export function NewManagementKeyForm() {
  const [state, action, pending] = useActionState(createManagementKeyAction, {});
  return (
    <form action={action} className="space-y-3" aria-label="New management key">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <label className="field-label sm:w-72">
          Name <span className="font-normal text-zinc-500">(optional)</span>
          <input name="name" maxLength={80} className="input" placeholder="e.g. provisioning" />
        </label>
        <button type="submit" disabled={pending} className="btn btn-primary self-start sm:self-auto">{pending ? "Creating…" : "Create management key"}</button>
      </div>
      <ShownOnce state={state} />
    </form>
  );
}

const RESETS = ["daily", "weekly", "monthly", "never"] as const;

/** A token's dollar budget, changed in place (empty: no budget). */
export function BudgetForm({ hash, name, limitUsd, reset }: { hash: string; name: string; limitUsd: number | null; reset: string }) {
  const [state, action, pending] = useActionState(setBudgetAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-xs" aria-label={`Budget of ${name}`}>
      <input type="hidden" name="hash" value={hash} />
      <label className="flex items-center gap-1">
        <span>Budget $</span>
        <input name="limit_usd" type="number" min={0} step="0.01" inputMode="decimal" defaultValue={limitUsd ?? ""} placeholder="none" aria-label="Dollar budget" className="input mt-0 w-24 py-1 text-xs" />
      </label>
      <select name="limit_usd_reset" defaultValue={reset} aria-label="Budget period" className="input mt-0 w-28 py-1 text-xs">{RESETS.map((r) => <option key={r}>{r}</option>)}</select>
      <button type="submit" className="btn btn-secondary btn-sm" disabled={pending}>Save</button>
      {state.error && <span className="text-red-600" role="alert">{state.error}</span>}
    </form>
  );
}
