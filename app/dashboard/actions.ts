"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { isGatewayError } from "@/lib/errors/gateway-error";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { deleteCredential, reorderCredentials, updateCredential } from "@/lib/services/credentials/manage-credentials";
import { regenerateDefaultToken } from "@/lib/services/tokens/default-token";
import { setDefaultStrategy } from "@/lib/services/users/set-default-strategy";

export interface FormState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
}

function asFormState(error: unknown): FormState {
  if (error instanceof ZodError) {
    const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message]));
    return { error: "Please correct the highlighted fields.", fields };
  }
  if (isGatewayError(error)) return { error: error.message };
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
    const saved = await addCredential(user.id, {
      provider: text("provider") ?? "",
      secret: text("secret") ?? "",
      label: text("label"),
      kind: kind === "api_key" || kind === "oauth_token" ? kind : undefined,
      baseUrl: text("baseUrl"),
      accountId: text("accountId"),
      expiresAt: text("expiresAt"),
    });
    revalidatePath("/dashboard/providers");
    return { ok: true, message: `Saved ${saved.label} (${saved.masked}).` };
  } catch (error) {
    return asFormState(error);
  }
}

export async function toggleCredentialAction(form: FormData) {
  const user = await requireUser();
  await updateCredential(user.id, String(form.get("id")), { disabled: form.get("disabled") === "true" });
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
  await deleteCredential(user.id, String(form.get("id")));
  revalidatePath("/dashboard/providers");
}

export async function setStrategyAction(form: FormData) {
  const user = await requireUser();
  await setDefaultStrategy(user.id, String(form.get("strategy") ?? ""));
  revalidatePath("/dashboard/api");
}
