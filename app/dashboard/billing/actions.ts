"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { requireBillingConfig } from "@/lib/billing/billing-config";
import { planChangeUrl } from "@/lib/billing/change-plan";
import { createPortalSession } from "@/lib/billing/portal";
import { formError, type FormResult } from "@/lib/errors/form-error";
import { planSchema } from "@/lib/services/users/create-user";

/** Off to Stripe (Checkout, or the portal for a subscriber), or an error to show beside the button. */
export async function changePlanAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const user = await requireUser("/dashboard/billing");
  const plan = planSchema.safeParse(form.get("plan"));
  if (!plan.success) return { error: "Unknown plan." };
  let url: string;
  try {
    url = await planChangeUrl(user.id, plan.data);
  } catch (error) {
    return formError(error);
  }
  redirect(url);
}

export async function openPortalAction(_previous: FormResult): Promise<FormResult> {
  const user = await requireUser("/dashboard/billing");
  let url: string;
  try {
    url = await createPortalSession(requireBillingConfig(), user.id);
  } catch (error) {
    return formError(error);
  }
  redirect(url);
}
