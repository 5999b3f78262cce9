"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/action-not-found";
import { isGatewayError } from "@/lib/errors/gateway-error";
import { createKeySchema, updateKeySchema } from "@/lib/services/api-keys/key-input";
import { createKey, deleteKey, updateKey } from "@/lib/services/api-keys/manage-keys";
import { createManagementKey, deleteManagementKey } from "@/lib/services/management-keys/create-management-key";

export interface NewKeyState {
  key?: string;
  error?: string;
}

function describe(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  if (isGatewayError(error)) return error.message;
  throw error;
}

export async function createTokenAction(_previous: NewKeyState, form: FormData): Promise<NewKeyState> {
  const user = await requireUser();
  const limit = String(form.get("limit") ?? "").trim();
  const limitUsd = String(form.get("limit_usd") ?? "").trim();
  try {
    const input = createKeySchema.parse({
      name: String(form.get("name") ?? ""),
      allowed_providers: form.getAll("allowed_providers").map(String),
      limit: limit ? Number(limit) : null,
      limit_reset: String(form.get("limit_reset") || "monthly"),
      limit_usd: limitUsd ? Number(limitUsd) : null,
      limit_usd_reset: String(form.get("limit_usd_reset") || "monthly"),
      strategy: String(form.get("strategy") || "") || null,
    });
    const { key } = await createKey(user.id, input);
    revalidatePath("/dashboard/keys");
    return { key };
  } catch (error) {
    return { error: describe(error) };
  }
}

export async function setBudgetAction(_previous: NewKeyState, form: FormData): Promise<NewKeyState> {
  const user = await requireUser();
  const limitUsd = String(form.get("limit_usd") ?? "").trim();
  try {
    const input = updateKeySchema.parse({ limit_usd: limitUsd ? Number(limitUsd) : null, limit_usd_reset: String(form.get("limit_usd_reset") || "monthly") });
    await updateKey(user.id, String(form.get("hash")), input);
    revalidatePath("/dashboard/keys");
    return {};
  } catch (error) {
    return { error: describe(error) };
  }
}

export async function toggleTokenAction(form: FormData) {
  const user = await requireUser();
  await orNotFound(updateKey(user.id, String(form.get("hash")), { disabled: form.get("disabled") === "true" }));
  revalidatePath("/dashboard/keys");
}

export async function deleteTokenAction(form: FormData) {
  const user = await requireUser();
  await orNotFound(deleteKey(user.id, String(form.get("hash"))));
  revalidatePath("/dashboard/keys");
}

export async function createManagementKeyAction(_previous: NewKeyState, form: FormData): Promise<NewKeyState> {
  const user = await requireUser();
  const { key } = await createManagementKey(user.id, String(form.get("name") || "") || undefined);
  revalidatePath("/dashboard/keys");
  return { key };
}

export async function deleteManagementKeyAction(form: FormData) {
  const user = await requireUser();
  await orNotFound(deleteManagementKey(user.id, String(form.get("id"))));
  revalidatePath("/dashboard/keys");
}
