"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { localReturnPath } from "@/lib/security/safe-redirect";

const FIELD_LABELS: Record<string, string> = { email: "Email", password: "Password", referralCode: "Referral code", name: "Name" };

interface Failure {
  message: string;
  field?: string;
}

/** The API's `Invalid request: 'password' must be…` read as `Password must be…`, next to its field. */
function describeFailure(payload: { error?: { message?: string; param?: string | null } } | null): Failure {
  const message = payload?.error?.message ?? "Sign-up failed; please try again.";
  const field = payload?.error?.param ?? undefined;
  const detail = /^Invalid request: '[\w.]+' (.+)$/.exec(message)?.[1];
  return { message: field && detail ? `${FIELD_LABELS[field] ?? field} ${detail}.` : message, field };
}

// What the form is waiting for, in order; each shows in the button and in the progress line.
const STEPS = { account: "Creating your account…", session: "Signing you in…", dashboard: "Opening your dashboard…" };
type Step = keyof typeof STEPS;

function Progress({ step, mode }: { step: Step; mode: "signin" | "signup" }) {
  const steps = (Object.keys(STEPS) as Step[]).filter((s) => mode === "signup" || s !== "account");
  const done = steps.indexOf(step);
  return (
    <div role="status" data-testid="auth-progress" className="space-y-1.5">
      <div aria-hidden="true" className="flex gap-1">
        {steps.map((s, index) => (
          <span key={s} className={`h-1 flex-1 rounded-full ${index < done ? "bg-indigo-600 dark:bg-indigo-400" : index === done ? "animate-pulse bg-indigo-400 dark:bg-indigo-600" : "bg-zinc-200 dark:bg-zinc-800"}`} />
        ))}
      </div>
      <p className="text-xs text-zinc-500">Step {done + 1} of {steps.length}: {STEPS[step]}</p>
    </div>
  );
}

async function signUp(body: Record<string, string>): Promise<Failure | null> {
  const response = await fetch("/api/auth/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.ok) return null;
  return describeFailure(await response.json().catch(() => null));
}

/** Sign-in and sign-up share one form: sign-up creates the account, then signs in. */
export function AuthForm({ mode, referralCode, callbackUrl }: { mode: "signin" | "signup"; referralCode?: string; callbackUrl?: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [step, setStep] = useState<Step | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStep(mode === "signup" ? "account" : "session");
    setFailure(null);
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const signUpFailure = mode === "signup" ? await signUp(form) : null;
    if (signUpFailure) {
      setStep(null);
      return setFailure(signUpFailure);
    }
    setStep("session");
    const result = await signIn("credentials", { email: form.email, password: form.password, redirect: false });
    if (!result || result.error) {
      setStep(null);
      return setFailure({ message: "Wrong email or password." });
    }
    setStep("dashboard");
    router.push(localReturnPath(callbackUrl));
    router.refresh();
  }

  const invalid = (name: string) => (failure?.field === name ? true : undefined);
  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="field-label">
        Email
        <input name="email" type="email" required autoComplete="email" aria-invalid={invalid("email")} className="input" />
      </label>
      <label className="field-label">
        Password
        <input name="password" type="password" required autoComplete={mode === "signup" ? "new-password" : "current-password"} aria-invalid={invalid("password")} className="input" />
        {mode === "signup" && <span className="mt-1 block text-xs font-normal text-zinc-500">At least 8 characters.</span>}
      </label>
      {mode === "signup" && (
        <label className="field-label">
          Referral code <span className="font-normal text-zinc-500">(optional)</span>
          <input name="referralCode" defaultValue={referralCode} autoComplete="off" aria-invalid={invalid("referralCode")} className="input font-mono" />
        </label>
      )}
      {failure && (
        <p role="alert" data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300">
          {failure.message}
        </p>
      )}
      <button type="submit" disabled={step !== null} className="btn btn-primary w-full py-2.5">
        {step ? STEPS[step] : mode === "signup" ? "Create account" : "Sign in"}
      </button>
      {step && <Progress step={step} mode={mode} />}
    </form>
  );
}
