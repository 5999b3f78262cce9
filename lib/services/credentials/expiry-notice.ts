const DAY_MS = 86_400_000;
const WARN_DAYS = 7;

export interface ExpiryNotice {
  level: "ok" | "warning" | "expired";
  text: string;
}

/** What Providers says about a token's expiry: a warning a week ahead, plainly once it has passed. */
export function expiryNotice(expiresAt: Date | null, now = new Date()): ExpiryNotice | null {
  if (!expiresAt) return null;
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return { level: "expired", text: `Expired on ${expiresAt.toISOString().slice(0, 10)}: paste a fresh token` };
  const days = Math.floor(left / DAY_MS);
  const when = days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
  return { level: days < WARN_DAYS ? "warning" : "ok", text: `Expires ${when} (${expiresAt.toISOString().slice(0, 10)})` };
}
