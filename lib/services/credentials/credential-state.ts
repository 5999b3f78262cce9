import { noCheapCheck } from "./check-credential";
import { checksItself } from "./out-of-service";
import type { CredentialView } from "./credential-view";

export type CredentialBadge = "active" | "invalid" | "refused" | "expired" | "cooling" | "disabled";

export interface CredentialState {
  badge: CredentialBadge;
  /** What the badge says: "active", "invalid", "cooling down until 14:03:12 UTC", … */
  text: string;
  /** Whether routing skips it until the user acts (Check again, Enable, a fresh token). */
  needsAttention: boolean;
  /** The reason the provider could not be asked before saving, while nothing has proven it since. */
  unverified: string | null;
  /** Whether "Check again" can tell anything: marked by the provider, or not verified but checkable. */
  canRecheck: boolean;
  /** For one out of service: when OauthRouter checks it again by itself, or why it does not. */
  nextCheck: string | null;
}

const clock = (date: Date) => `${date.toISOString().slice(11, 19)} UTC`;

function nextCheckText(c: Pick<CredentialView, "provider" | "kind" | "nextCheckAt">, now: Date): string {
  if (!checksItself(c)) return "Not checked again automatically: use Check again once it is fixed.";
  if (!c.nextCheckAt || c.nextCheckAt <= now) return "Being checked again automatically now.";
  return `Next automatic check at ${clock(c.nextCheckAt)}.`;
}

/** How Providers shows a credential's health: disabled, marked by the provider, expired, cooling down or active. */
export function credentialState(
  c: Pick<CredentialView, "provider" | "kind" | "status" | "disabled" | "cooldownUntil" | "expiresAt" | "checkNote" | "verifiedAt" | "lastUsedAt" | "nextCheckAt">,
  now = new Date(),
): CredentialState {
  const unverified = c.checkNote && !c.verifiedAt && !c.lastUsedAt ? c.checkNote : null;
  const canRecheck = !c.disabled && (c.status !== "active" || (Boolean(unverified) && noCheapCheck(c) === null));
  const state = (badge: CredentialBadge, text: string = badge, needsAttention = false, nextCheck: string | null = null) => ({ badge, text, needsAttention, unverified, canRecheck, nextCheck });
  if (c.disabled) return state("disabled");
  if (c.status !== "active") return state(c.status, c.status, true, nextCheckText(c, now));
  if (c.expiresAt && c.expiresAt <= now) return state("expired", "expired", true);
  if (c.cooldownUntil && c.cooldownUntil > now) return state("cooling", `cooling down until ${clock(c.cooldownUntil)}`);
  return state("active");
}
