"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { createAuthorizationCode, type ChallengeMethod } from "@/lib/services/oauth-apps/authorization-codes";
import { parseCallbackUrl } from "@/lib/services/oauth-apps/callback-url";

export async function approveApp(form: FormData) {
  const user = await requireUser();
  const challenge = String(form.get("code_challenge") ?? "");
  const method = (String(form.get("code_challenge_method") ?? "") || "plain") as ChallengeMethod;
  const { redirectTo } = await createAuthorizationCode(
    user.id,
    String(form.get("callback_url") ?? ""),
    challenge ? { value: challenge, method: method === "S256" ? "S256" : "plain" } : undefined,
  );
  redirect(redirectTo);
}

export async function declineApp(form: FormData) {
  await requireUser();
  const url = parseCallbackUrl(String(form.get("callback_url") ?? ""));
  url.searchParams.set("error", "access_denied");
  redirect(url.toString());
}
