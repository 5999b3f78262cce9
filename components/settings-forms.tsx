"use client";

import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { changeEmailAction, changePasswordAction, deleteAccountAction } from "@/app/dashboard/settings/actions";
import type { FormResult } from "@/lib/errors/form-error";
import { FormNotice } from "./form-notice";

const EMPTY: FormResult = {};

function Field({ label, name, type, autoComplete, result, hint }: { label: string; name: string; type: string; autoComplete: string; result: FormResult; hint?: string }) {
  // React resets a form after its action; typed values (never passwords) come back as defaults.
  const hintId = useId();
  return (
    <div>
      <label className="field-label">
        {label}
        <input name={name} type={type} required autoComplete={autoComplete} defaultValue={result.values?.[name]} aria-invalid={result.field === name ? true : undefined} aria-describedby={hint ? hintId : undefined} className="input" />
      </label>
      {hint && <p id={hintId} className="mt-1 text-xs text-zinc-500">{hint}</p>}
    </div>
  );
}

export function ChangeEmailForm() {
  const [result, action, pending] = useActionState(changeEmailAction, EMPTY);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" aria-label="Change email">
      <Field label="New email" name="email" type="email" autoComplete="email" result={result} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" result={result} />
      <div className="space-y-3 sm:col-span-2">
        <FormNotice result={result} testId="email-result" />
        <button type="submit" disabled={pending} className="btn btn-primary">{pending ? "Saving…" : "Change email"}</button>
      </div>
    </form>
  );
}

/**
 * The change signs every session out (the server bumps the session version); this browser then
 * signs straight back in with the new password, so only the other sessions end.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const [result, action, pending] = useActionState(changePasswordAction, EMPTY);
  const [notice, setNotice] = useState<FormResult>(EMPTY);
  const newPassword = useRef("");
  const router = useRouter();
  useEffect(() => {
    if (!result.ok) return setNotice(result);
    void signIn("credentials", { email, password: newPassword.current, redirect: false }).then((signedIn) => {
      newPassword.current = "";
      if (!signedIn?.ok || signedIn.error) return router.push("/signin?callbackUrl=%2Fdashboard%2Fsettings");
      setNotice({ message: "Password changed. Other browsers and devices were signed out; this one stays signed in." });
      router.refresh();
    });
  }, [result, email, router]);
  return (
    <form action={action} onSubmit={(event) => (newPassword.current = String(new FormData(event.currentTarget).get("newPassword") ?? ""))} className="grid gap-4 sm:grid-cols-3" aria-label="Change password">
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" result={result} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" result={result} hint="At least 8 characters." />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" result={result} />
      <div className="space-y-3 sm:col-span-3">
        <FormNotice result={notice} testId="password-result" />
        <button type="submit" disabled={pending} className="btn btn-primary">{pending ? "Saving…" : "Change password"}</button>
      </div>
    </form>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [result, action, pending] = useActionState(deleteAccountAction, EMPTY);
  const [typed, setTyped] = useState("");
  useEffect(() => {
    if (result.ok) void signOut({ callbackUrl: "/" });
  }, [result]);
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <form action={action} className="space-y-4" aria-label="Delete account">
      <label className="field-label">
        Type <span className="font-mono">{email}</span> to confirm
        <input name="confirmEmail" type="text" autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} aria-invalid={result.field === "confirmEmail" ? true : undefined} className="input sm:max-w-md" />
      </label>
      <FormNotice result={result.ok ? { message: "Account deleted. Signing you out…" } : result} testId="delete-result" />
      <button type="submit" disabled={!matches || pending || result.ok} className="btn btn-danger">{pending ? "Deleting…" : "Delete my account"}</button>
    </form>
  );
}
