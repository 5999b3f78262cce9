"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { addCredentialAction, type FormState } from "@/app/dashboard/actions";

function FieldError({ state, name }: { state: FormState; name: string }) {
  const message = state.fields?.[name];
  if (!message) return null;
  return <span className="mt-1 block text-xs font-normal text-red-600 dark:text-red-400" data-testid={`error-${name}`}>{message.charAt(0).toUpperCase() + message.slice(1)}.</span>;
}

export function AddCredentialForm({ providers }: { providers: Array<{ id: string; name: string; keyHint?: string }> }) {
  const [state, action, pending] = useActionState(addCredentialAction, {});
  const [provider, setProvider] = useState(providers[0]?.id ?? "");
  const [kind, setKind] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const hint = providers.find((p) => p.id === provider)?.keyHint;
  const invalid = (name: string) => (state.fields?.[name] ? true : undefined);

  // Submitted by hand so a rejected form keeps what was typed; only a saved one is cleared.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  // After a save the typed values go (the chosen provider stays, for adding several of its keys).
  useEffect(() => {
    if (!state.ok) return;
    for (const name of ["secret", "label", "baseUrl", "accountId", "expiresAt"]) {
      const field = form.current?.elements.namedItem(name);
      if (field instanceof HTMLInputElement) field.value = "";
    }
    setKind("");
  }, [state]);

  return (
    <form ref={form} action={action} onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="add-credential">
      <label className="field-label">
        Provider
        <select name="provider" value={provider} onChange={(e) => setProvider(e.target.value)} className="input">
          {providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="field-label">
        Label <span className="font-normal text-zinc-500">(optional)</span>
        <input name="label" maxLength={80} className="input" placeholder="e.g. Work account" />
      </label>
      <label className="field-label sm:col-span-2">
        API key or OAuth token
        <input name="secret" type="password" required autoComplete="off" spellCheck={false} aria-invalid={invalid("secret")} className="input font-mono" placeholder={hint ?? "Paste your key"} />
        <span className="mt-1 block text-xs font-normal text-zinc-500">Encrypted when saved; afterwards only its last four characters are shown.</span>
        <FieldError state={state} name="secret" />
      </label>
      <div>
        <label className="field-label">
          Kind
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className="input">
            <option value="">Auto-detect</option>
            <option value="api_key">API key</option>
            <option value="oauth_token">OAuth token</option>
          </select>
        </label>
        <p className={`mt-1 text-xs ${kind === "oauth_token" ? "text-amber-700 dark:text-amber-400" : "text-zinc-500"}`} data-testid="oauth-note">
          OAuth tokens (e.g. a Claude subscription&apos;s sk-ant-oat…) act for your subscription: the subscription provider&apos;s terms apply to how you use them.
        </p>
      </div>
      {provider === "custom" && (
        <label className="field-label">
          Base URL
          <input name="baseUrl" type="url" required aria-invalid={invalid("baseUrl")} className="input font-mono" placeholder="https://llm.example.com/v1" />
          <FieldError state={state} name="baseUrl" />
        </label>
      )}
      {provider === "cloudflare-ai" && (
        <label className="field-label">
          Cloudflare account id
          <input name="accountId" required aria-invalid={invalid("accountId")} className="input font-mono" />
          <FieldError state={state} name="accountId" />
        </label>
      )}
      {provider === "anthropic" && (
        <label className="field-label">
          Expires <span className="font-normal text-zinc-500">(optional, for OAuth tokens)</span>
          <input name="expiresAt" type="date" aria-invalid={invalid("expiresAt")} className="input" />
          <FieldError state={state} name="expiresAt" />
        </label>
      )}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className="btn btn-primary">{pending ? "Saving…" : "Add credential"}</button>
        {state.error && <p role="alert" className="text-sm text-red-600 dark:text-red-400" data-testid="add-credential-error">{state.error}</p>}
        {state.ok && <p role="status" className="text-sm text-green-700 dark:text-green-400">{state.message ?? "Saved."}</p>}
      </div>
    </form>
  );
}
