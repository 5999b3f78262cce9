"use client";

import { useActionState } from "react";
import { changePlanAction, openPortalAction } from "@/app/dashboard/billing/actions";
import type { FormResult } from "@/lib/errors/form-error";
import { FormNotice } from "./form-notice";

/** Upgrade or downgrade: the action sends the browser to Stripe, or comes back with an error. */
export function PlanChangeButton({ plan, label, primary }: { plan: string; label: string; primary: boolean }) {
  const [result, action, pending] = useActionState(changePlanAction, {} as FormResult);
  return (
    <form action={action} className="mt-6 space-y-2">
      <input type="hidden" name="plan" value={plan} />
      <button type="submit" disabled={pending} className={`btn w-full ${primary ? "btn-primary border border-transparent" : "btn-secondary"}`}>
        {pending ? "Opening Stripe…" : label}
      </button>
      <FormNotice result={result} />
    </form>
  );
}

export function ManageBillingButton() {
  const [result, action, pending] = useActionState(openPortalAction, {} as FormResult);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" disabled={pending} className="btn btn-secondary">
        {pending ? "Opening Stripe…" : "Manage billing"}
      </button>
      <FormNotice result={result} />
    </form>
  );
}
