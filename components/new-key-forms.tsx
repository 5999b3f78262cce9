"use client";

import { useActionState } from "react";
import { createManagementKeyAction, createTokenAction, type NewKeyState } from "@/app/dashboard/keys/actions";
import { CopyButton } from "./copy-button";

const input = "mt-1 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";
const button = "rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60";

function ShownOnce({ state }: { state: NewKeyState }) {
  if (state.error) return <p role="alert" className="text-sm text-red-600 dark:text-red-400">{state.error}</p>;
  if (!state.key) return null;
  return (
    <div className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950" data-testid="new-key">
      <p className="mb-2 font-medium">Copy it now: it will not be shown again.</p>
      <div className="flex items-center gap-2">
        <input readOnly value={state.key} className={`${input} mt-0 font-mono`} />
        <CopyButton value={state.key} />
      </div>
    </div>
  );
}

export function NewTokenForm({ providers, strategies }: { providers: Array<{ id: string; name: string }>; strategies: readonly string[] }) {
  const [state, action, pending] = useActionState(createTokenAction, {});
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      <label className="block text-sm font-medium">Name<input name="name" required className={input} placeholder="backend-service" /></label>
      <div className="grid grid-cols-2 gap-2">
        <label className="block text-sm font-medium">Message limit<input name="limit" type="number" min={0} className={input} placeholder="none" /></label>
        <label className="block text-sm font-medium">Resets
          <select name="limit_reset" className={input} defaultValue="monthly">{["daily", "weekly", "monthly", "never"].map((r) => <option key={r}>{r}</option>)}</select>
        </label>
      </div>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="font-medium">Allowed providers <span className="font-normal text-zinc-500">(none ticked: all)</span></legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {providers.map((p) => <label key={p.id} className="flex items-center gap-1"><input type="checkbox" name="allowed_providers" value={p.id} />{p.name}</label>)}
        </div>
      </fieldset>
      <label className="block text-sm font-medium">Routing strategy
        <select name="strategy" className={input} defaultValue=""><option value="">account default</option>{strategies.map((s) => <option key={s}>{s}</option>)}</select>
      </label>
      <div className="flex items-end"><button type="submit" disabled={pending} className={button}>Create token</button></div>
      <div className="sm:col-span-2"><ShownOnce state={state} /></div>
    </form>
  );
}

export function NewManagementKeyForm() {
  const [state, action, pending] = useActionState(createManagementKeyAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <label className="block text-sm font-medium">Name<input name="name" className={input} placeholder="provisioning" /></label>
      <button type="submit" disabled={pending} className={button}>Create management key</button>
      <div className="w-full"><ShownOnce state={state} /></div>
    </form>
  );
}
