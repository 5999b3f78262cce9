"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { formError, type FormResult } from "@/lib/errors/form-error";
import { changeEmail } from "@/lib/services/users/change-email";
import { changePassword } from "@/lib/services/users/change-password";
import { deleteAccount } from "@/lib/services/users/delete-account";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const LABELS = { email: "New email", currentPassword: "Current password", newPassword: "New password", confirmEmail: "Confirmation" };

export async function changeEmailAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const user = await requireUser("/dashboard/settings");
  try {
    const email = await changeEmail(user.id, { email: field(form, "email"), currentPassword: field(form, "currentPassword") });
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: `Your email is now ${email}. Use it the next time you sign in.` };
  } catch (error) {
    return { ...formError(error, LABELS), values: { email: field(form, "email") } };
  }
}

/** No revalidation here: this session's version is now stale until the form signs it in again. */
export async function changePasswordAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const user = await requireUser("/dashboard/settings");
  if (field(form, "newPassword") !== field(form, "confirmPassword")) return { error: "The new passwords do not match.", field: "confirmPassword" };
  try {
    await changePassword(user.id, { currentPassword: field(form, "currentPassword"), newPassword: field(form, "newPassword") });
    return { ok: true };
  } catch (error) {
    return formError(error, LABELS);
  }
}

export async function deleteAccountAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const user = await requireUser("/dashboard/settings");
  try {
    await deleteAccount(user.id, field(form, "confirmEmail"));
    return { ok: true };
  } catch (error) {
    return formError(error, LABELS);
  }
}
