"use client";

export type CredentialKind = "api_key" | "oauth_token";

const OPTION = "flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50/60 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-950/40";

/**
 * API key or OAuth token, for providers that take both: preset from what was pasted, changeable by
 * hand. The OAuth option says plainly that the subscription's own terms apply.
 */
export function CredentialKindField({ kind, detected, providerName, onChange }: { kind: CredentialKind; detected: CredentialKind | null; providerName: string; onChange: (kind: CredentialKind) => void }) {
  return (
    <fieldset className="sm:col-span-2">
      <legend className="field-label">
        Kind {detected && <span className="font-normal text-zinc-500" data-testid="kind-detected">(detected from what you pasted: {detected === "oauth_token" ? "OAuth token" : "API key"})</span>}
      </legend>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        <label className={`${OPTION} border-zinc-300 dark:border-zinc-700`}>
          <input type="radio" name="kind" value="api_key" checked={kind === "api_key"} onChange={() => onChange("api_key")} className="mt-0.5 accent-indigo-600" />
          <span>
            <span className="font-medium">API key</span>
            <span className="block text-xs text-zinc-500">From the {providerName} console, billed per token by {providerName}.</span>
          </span>
        </label>
        <label className={`${OPTION} border-zinc-300 dark:border-zinc-700`}>
          <input type="radio" name="kind" value="oauth_token" checked={kind === "oauth_token"} onChange={() => onChange("oauth_token")} className="mt-0.5 accent-indigo-600" />
          <span>
            <span className="font-medium">OAuth token (subscription)</span>
            <span className="block text-xs text-amber-700 dark:text-amber-400" data-testid="oauth-note">
              Acts for your {providerName} subscription (e.g. Claude Code&apos;s sk-ant-oat…): the subscription&apos;s own terms apply to how you use it here.
            </span>
          </span>
        </label>
      </div>
    </fieldset>
  );
}
