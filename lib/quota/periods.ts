import type { LimitReset } from "@/lib/db/generated/enums";

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11": the plan's message month, in UTC. */
export function monthKey(now: Date): string {
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}`;
}

/** The 1st of next month at 00:00 UTC, when the plan's messages reset. */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

function mondayOf(now: Date): Date {
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
}

/** The window a token's own limit counts in, and when that window ends (null: never). */
export function tokenWindow(reset: LimitReset, now: Date): { key: string; resetsAt: Date | null } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  switch (reset) {
    case "daily":
      return { key: `${y}-${pad(m + 1)}-${pad(d)}`, resetsAt: new Date(Date.UTC(y, m, d + 1)) };
    case "weekly": {
      const monday = mondayOf(now);
      return {
        key: `w${monday.toISOString().slice(0, 10)}`,
        resetsAt: new Date(monday.getTime() + 7 * 86_400_000),
      };
    }
    case "monthly":
      return { key: monthKey(now), resetsAt: nextMonthStart(now) };
    case "never":
      return { key: "all", resetsAt: null };
  }
}
