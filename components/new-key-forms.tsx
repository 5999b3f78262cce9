"use client";

import { useActionState, useState } from "react";
import { createManagementKeyAction, createTokenAction, type NewKeyState } from "@/app/dashboard/keys/actions";
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
