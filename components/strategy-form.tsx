"use client";

import { useActionState } from "react";
import { setStrategyAction } from "@/app/dashboard/actions";
import { API_STRATEGIES, STRATEGY_EXPLANATIONS, type ApiStrategy } from "@/lib/services/api-keys/strategy-names";
import { Notice } from "./notice";

const OPTION = "flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50/60 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 dark:border-zinc-800 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-950/40";

/** The account's routing strategy; every credential failing over to the next stays true whichever is chosen. */
export function StrategyForm({ current }: { current: ApiStrategy }) {
  const [state, action, pending] = useActionState(setStrategyAction, {});
  return (
    <form action={action} className="space-y-4" aria-label="Routing strategy">
      <fieldset>
        <legend className="text-lg font-semibold">Routing strategy</legend>
        <p className="muted mt-1 text-sm">Which of your credentials for a provider takes each request. Whatever you choose, a failing credential hands the request to the next one.</p>
        <div className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {API_STRATEGIES.map((s) => (
            <label key={s} className={OPTION}>
              <input type="radio" name="strategy" value={s} defaultChecked={s === current} className="mt-0.5 accent-indigo-600" />
              <span>
                <span className="font-medium">{s}</span>
                <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{STRATEGY_EXPLANATIONS[s]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="btn btn-secondary">{pending ? "Saving…" : "Save strategy"}</button>
        <span className="text-xs text-zinc-500">Applies to every token that does not set its own (in Keys).</span>
      </div>
      {state.message && <Notice tone="success" testId="strategy-result">{state.message}</Notice>}
      {state.error && <Notice tone="error" testId="strategy-result">{state.error}</Notice>}
    </form>
  );
}
