"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/action-not-found";
import { isGatewayError } from "@/lib/errors/gateway-error";
import { addCheckedCredential } from "@/lib/services/credentials/add-checked-credential";
import { checkMessage } from "@/lib/services/credentials/check-message";
import { deleteCredential, reorderCredentials, updateCredential } from "@/lib/services/credentials/manage-credentials";
import { recheckCredential } from "@/lib/services/credentials/recheck-credential";
import { regenerateDefaultToken } from "@/lib/services/tokens/default-token";
import { setDefaultStrategy } from "@/lib/services/users/set-default-strategy";

export interface FormState {
  ok?: boolean;
  message?: string;
  /** Saved, with a caveat (a credential that could not be checked). */
  warning?: string;
  error?: string;
  fields?: Record<string, string>;
  /** The field a service error is about (a refused credential: "secret"). */
  invalid?: string;
}

function asFormState(error: unknown): FormState {
  if (error instanceof ZodError) {
    const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message]));
    return { error: "Please correct the highlighted fields.", fields };
  }
  if (isGatewayError(error)) return { error: error.message, invalid: error.param };
  throw error;
}

export async function regenerateTokenAction() {
  const user = await requireUser();
  await regenerateDefaultToken(user.id);
  revalidatePath("/dashboard/api");
}

export async function addCredentialAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const text = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value || undefined;
  };
  try {
    const kind = text("kind");
    const { credential: saved, check } = await addCheckedCredential(user.id, {
      provider: text("provider") ?? "",
      secret: text("secret") ?? "",
      label: text("label"),
      kind: kind === "api_key" || kind === "oauth_token" ? kind : undefined,
      baseUrl: text("baseUrl"),
      accountId: text("accountId"),
      expiresAt: text("expiresAt"),
    });
    revalidatePath("/dashboard/providers");
    const savedText = `Saved ${saved.label} (${saved.masked}).`;
    return check.result === "unverified" ? { ok: true, warning: `${savedText} ${check.note}` } : { ok: true, message: `${savedText} ${checkMessage(saved.provider, check)}` };
  } catch (error) {
    return asFormState(error);
  }
}

export async function renameCredentialAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  try {
    await updateCredential(user.id, String(form.get("id")), { label: String(form.get("label") ?? "") });
    revalidatePath("/dashboard/providers");
    return { ok: true };
  } catch (error) {
    return asFormState(error);
  }
}

export async function recheckCredentialAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  try {
    const { provider, check } = await recheckCredential(user.id, String(form.get("id")));
    revalidatePath("/dashboard/providers");
    const message = checkMessage(provider, check);
    if (check.result === "refused") return { error: message };
    return check.result === "unverified" ? { ok: true, warning: `${message} Routing tries it again.` } : { ok: true, message: `${message} It is in use again.` };
  } catch (error) {
    return asFormState(error);
  }
}

export async function toggleCredentialAction(form: FormData) {
  const user = await requireUser();
  await orNotFound(updateCredential(user.id, String(form.get("id")), { disabled: form.get("disabled") === "true" }));
  revalidatePath("/dashboard/providers");
}

/** `order` is the full list of credential ids in their new order, as the page rendered it. */
export async function reorderCredentialsAction(form: FormData) {
  const user = await requireUser();
  await reorderCredentials(user.id, String(form.get("order") ?? "").split(",").filter(Boolean));
  revalidatePath("/dashboard/providers");
}

export async function deleteCredentialAction(form: FormData) {
  const user = await requireUser();
  await orNotFound(deleteCredential(user.id, String(form.get("id"))));
  revalidatePath("/dashboard/providers");
}

export async function setStrategyAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  try {
    const strategy = String(form.get("strategy") ?? "");
    await setDefaultStrategy(user.id, strategy);
    revalidatePath("/dashboard/api");
    return { ok: true, message: `Saved: tokens without a strategy of their own now use ${strategy}.` };
  } catch (error) {
    return asFormState(error);
  }
}
