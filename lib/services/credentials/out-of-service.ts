import { env } from "@/lib/config/env";
import type { CredentialKind, CredentialStatus } from "@/lib/db/generated/enums";
import { noCheapCheck } from "./check-credential";

/**
 * The status a refused credential gets: a subscription token refused on policy grounds (403) is
 * "refused", any other refused one "expired"; an API key is "invalid".
 */
export function refusedStatus(kind: CredentialKind, httpStatus: number | undefined): Exclude<CredentialStatus, "active"> {
  if (kind !== "oauth_token") return "invalid";
  return httpStatus === 403 ? "refused" : "expired";
}

/** Whether a credential out of service is checked again by itself: only those with a cheap check. */
export function checksItself(credential: { provider: string; kind: CredentialKind }): boolean {
  return noCheapCheck(credential) === null;
}

/**
 * When the next automatic check is due, after `failedChecks` automatic checks that did not bring
 * the credential back: CREDENTIAL_RECHECK_BACKOFF_MS (1, 5, 30 minutes, then hourly).
 */
export function nextCheckAt(failedChecks: number, now: Date): Date {
  const backoff = env().CREDENTIAL_RECHECK_BACKOFF_MS;
  return new Date(now.getTime() + backoff[Math.min(failedChecks, backoff.length - 1)]);
}
