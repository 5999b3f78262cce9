"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { CodeBlock } from "./code-block";
import { CopyButton } from "./copy-button";

interface Visibility {
  token: string;
  revealed: boolean;
  setRevealed: (revealed: boolean) => void;
}

const TokenVisibility = createContext<Visibility | null>(null);

/** `lr_live_••••••••••••wxyz`: which token it is, without the secret. */
export function maskToken(token: string): string {
  return `${token.slice(0, "lr_live_".length)}${"•".repeat(12)}${token.slice(-4)}`;
}

function useVisibility(): Visibility {
  const visibility = useContext(TokenVisibility);
  if (!visibility) throw new Error("DefaultTokenProvider is missing");
  return visibility;
}

/** My API's token stays masked (field and examples alike) until Reveal; Copy never needs it shown. */
export function DefaultTokenProvider({ token, children }: { token: string; children: ReactNode }) {
  const [revealed, setRevealed] = useState(false);
  return <TokenVisibility.Provider value={{ token, revealed, setRevealed }}>{children}</TokenVisibility.Provider>;
}

export function DefaultTokenField() {
  const { token, revealed, setRevealed } = useVisibility();
  return (
    <div>
      <label htmlFor="api-token" className="field-label">Your token</label>
      <div className="mt-1 flex items-center gap-2">
        {/* A password field: the browser masks it, and scripts and tests can still read the value. */}
        <input id="api-token" type={revealed ? "text" : "password"} readOnly value={token} data-testid="api-token" autoComplete="off" spellCheck={false} className="input mt-0 bg-zinc-50 font-mono dark:bg-zinc-950" />
        <button type="button" aria-pressed={revealed} aria-controls="api-token" onClick={() => setRevealed(!revealed)} className="btn btn-secondary btn-sm min-w-[4.25rem] shrink-0">
          {revealed ? "Hide" : "Reveal"}
        </button>
        <CopyButton value={token} />
      </div>
      <p className="mt-1 text-xs text-zinc-500" data-testid="api-token-hint">
        <span className="font-mono">{maskToken(token)}</span>. Send it as Authorization: Bearer. Copy works without revealing it; keep it secret.
      </p>
    </div>
  );
}

/** Ready-to-paste examples: the token masked on screen unless revealed, always whole when copied. */
export function DefaultTokenExamples({ examples }: { examples: Array<{ label: string; code: string }> }) {
  const { token, revealed } = useVisibility();
  return examples.map((example) => (
    <CodeBlock key={example.label} label={example.label} code={example.code} shown={revealed ? example.code : example.code.replaceAll(token, maskToken(token))} />
  ));
}
