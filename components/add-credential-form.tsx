"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { addCredentialAction, type FormState } from "@/app/dashboard/actions";
import { keyProblem, withArticle } from "@/lib/providers/key-format";
import { detectKeyProvider } from "@/lib/providers/registry";
import { CredentialKindField, type CredentialKind } from "./credential-kind-field";
import { Notice } from "./notice";

export interface ProviderChoice {
  id: string;
  name: string;
  keyHint?: string;
  /** Takes subscription OAuth tokens as well as API keys. */
  oauth: boolean;
}

function FieldError({ state, name }: { state: FormState; name: string }) {
  const message = state.fields?.[name];
  if (!message) return null;
  return <span className="mt-1 block text-xs font-normal text-red-600 dark:text-red-400" data-testid={`error-${name}`}>{message.charAt(0).toUpperCase() + message.slice(1)}.</span>;
}

function checkNote(provider: ProviderChoice, kind: CredentialKind): string {
  if (provider.id === "custom") return "Custom endpoints are saved without a check: the first request through one shows whether it works.";
  if (provider.oauth && kind === "oauth_token") return `Subscription tokens are saved without a check: the first request shows whether ${provider.name} accepts it.`;
  return `Before saving, OauthRouter lists your models at ${provider.name} to make sure it accepts the key; a refused key is not saved.`;
}

export function AddCredentialForm({ providers }: { providers: ProviderChoice[] }) {
  const [state, action, pending] = useActionState(addCredentialAction, {});
  const [providerId, setProviderId] = useState(providers[0]?.id ?? "");
  const [providerChosen, setProviderChosen] = useState(false);
  const [kind, setKind] = useState<CredentialKind>("api_key");
  const [kindChosen, setKindChosen] = useState(false);
  const [detected, setDetected] = useState<{ provider: string; kind: CredentialKind } | null>(null);
  // The server's answer stays up until the form is changed; a key refused here never reaches it.
  const [answered, setAnswered] = useState<FormState | null>(null);
  const [refusedHere, setRefusedHere] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const provider = providers.find((p) => p.id === providerId) ?? providers[0];
  const shown: FormState = refusedHere ? { fields: { secret: refusedHere } } : state === answered || pending ? {} : state;
  const invalid = (name: string) => (shown.fields?.[name] || shown.invalid === name ? true : undefined);
  const checked = provider.id !== "custom" && !(provider.oauth && kind === "oauth_token");

  // What a pasted key looks like picks the provider and kind, unless the user chose them by hand.
  function onSecret(value: string) {
    const found = detectKeyProvider(value) ?? null;
    setDetected(found);
    if (found && !providerChosen && providers.some((p) => p.id === found.provider)) setProviderId(found.provider);
    if (!kindChosen) setKind(found?.kind ?? "api_key");
  }
  // Submitted by hand so a rejected form keeps what was typed; only a saved one is cleared.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const problem = keyProblem(provider.id, String(data.get("secret") ?? ""));
    setRefusedHere(problem);
    if (problem) return form.current?.querySelector<HTMLInputElement>("input[name=secret]")?.focus();
    startTransition(() => action(data));
  }
  function edited() {
    setAnswered(state);
    setRefusedHere(null);
  }
  // After a save the typed values go (the chosen provider stays, for adding several of its keys).
  useEffect(() => {
    if (!state.ok) return;
    for (const name of ["secret", "label", "baseUrl", "accountId", "expiresAt"]) {
      const field = form.current?.elements.namedItem(name);
      if (field instanceof HTMLInputElement) field.value = "";
    }
    setDetected(null);
    setKindChosen(false);
    setKind("api_key");
  }, [state]);

  const detectedName = detected && providers.find((p) => p.id === detected.provider)?.name;
  return (
    // autoComplete off: a reload must not bring back an old provider choice behind React's back.
    <form ref={form} action={action} onSubmit={submit} onChange={edited} autoComplete="off" className="grid gap-4 sm:grid-cols-2" data-testid="add-credential" aria-busy={pending}>
      <label className="field-label">
        Provider
        <select name="provider" value={provider.id} onChange={(e) => (setProviderId(e.target.value), setProviderChosen(true))} className="input">
          {providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="field-label">
        Label <span className="font-normal text-zinc-500">(optional)</span>
        <input name="label" maxLength={80} className="input" placeholder="e.g. Work account" />
      </label>
      <label className="field-label sm:col-span-2">
        {provider.oauth ? "API key or OAuth token" : provider.id === "cloudflare-ai" ? "API token" : "API key"}
        <input name="secret" type="password" required autoComplete="off" spellCheck={false} onChange={(e) => onSecret(e.target.value)} aria-invalid={invalid("secret")} className="input font-mono" placeholder={provider.keyHint ?? "Paste your key"} />
        <span className="mt-1 block text-xs font-normal text-zinc-500" data-testid="secret-hint">
          {detectedName ? `Looks like ${withArticle(detectedName)} ${detected?.kind === "oauth_token" ? "OAuth token" : "API key"}${detected?.provider !== provider.id ? ` (the provider above is ${provider.name})` : ""}. ` : ""}
          Encrypted when saved; afterwards only its last four characters are shown.
        </span>
        <FieldError state={shown} name="secret" />
      </label>
      {provider.oauth && <CredentialKindField kind={kind} detected={detected?.provider === provider.id ? detected.kind : null} providerName={provider.name} onChange={(k) => (setKind(k), setKindChosen(true))} />}
      {provider.oauth && kind === "oauth_token" && (
        <label className="field-label">
          Expires <span className="font-normal text-zinc-500">(optional; Providers warns a week ahead)</span>
          <input name="expiresAt" type="date" aria-invalid={invalid("expiresAt")} className="input" />
          <FieldError state={shown} name="expiresAt" />
        </label>
      )}
      {provider.id === "custom" && (
        <label className="field-label sm:col-span-2">
          Base URL <span className="font-normal text-zinc-500">(the OpenAI-compatible API root)</span>
          <input name="baseUrl" type="url" required aria-invalid={invalid("baseUrl")} className="input font-mono" placeholder="https://llm.example.com/v1" />
          <FieldError state={shown} name="baseUrl" />
        </label>
      )}
      {provider.id === "cloudflare-ai" && (
        <label className="field-label">
          Cloudflare account id
          <input name="accountId" required aria-invalid={invalid("accountId")} spellCheck={false} className="input font-mono" placeholder="32 hex characters, from the dashboard URL" />
          <FieldError state={shown} name="accountId" />
        </label>
      )}
      <div className="space-y-3 sm:col-span-2">
        <p className="text-xs text-zinc-500" data-testid="check-note">{checkNote(provider, kind)}</p>
        {shown.error && <Notice tone="error" testId="add-credential-error">{shown.error}</Notice>}
        {shown.warning && <Notice tone="warning" testId="add-credential-result">{shown.warning}</Notice>}
        {shown.message && <Notice tone="success" testId="add-credential-result">{shown.message}</Notice>}
        <button type="submit" disabled={pending} className="btn btn-primary">{pending ? (checked ? `Checking with ${provider.name}…` : "Saving…") : "Add credential"}</button>
      </div>
    </form>
  );
}
