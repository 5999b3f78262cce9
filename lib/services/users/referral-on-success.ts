import type { Caller } from "@/lib/auth/api-token";
import { errorReason, log } from "@/lib/observability/logger";
import { grantReferral } from "./grant-referral";

/**
 * After a successful request: a flag read with the token (cached with it) costs the request path
 * one comparison; the grant runs in the background and exactly once (grant-referral.ts). A grant
 * that fails is tried again by the account's next successful request.
 */
export function grantReferralOnSuccess(caller: Caller): void {
  if (!caller.referralPending) return;
  // The cached caller stops asking at once; the grant's invalidation then refreshes it.
  caller.referralPending = false;
  grantReferral(caller.userId).catch((error) => {
    caller.referralPending = true;
    log.warn("referral grant failed; the next successful request tries again", { userId: caller.userId, error: errorReason(error) });
  });
}
