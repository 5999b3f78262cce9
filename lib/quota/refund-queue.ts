import { errorReason, log } from "@/lib/observability/logger";

interface PendingRefund {
  run: () => Promise<void>;
  tries: number;
  timer: NodeJS.Timeout | null;
}

const pending = new Set<PendingRefund>();
const MAX_DELAY_MS = 30_000;
// Tickets live a day (counter-store); a refund still failing by then has nothing left to give back.
const GIVE_UP_AFTER_TRIES = 24 * 120;

function schedule(refund: PendingRefund): void {
  const delay = Math.min(MAX_DELAY_MS, 500 * 2 ** Math.min(refund.tries, 6));
  refund.timer = setTimeout(() => void attempt(refund), delay).unref();
}

async function attempt(refund: PendingRefund): Promise<boolean> {
  refund.timer = null;
  try {
    await refund.run();
    pending.delete(refund);
    return true;
  } catch (error) {
    refund.tries += 1;
    if (refund.tries >= GIVE_UP_AFTER_TRIES) {
      pending.delete(refund);
      log.error("message refund abandoned", { error: errorReason(error) });
    } else if (!refund.timer) schedule(refund);
    return false;
  }
}

/**
 * Runs a refund now; if the counter store is away, keeps retrying in the background (refunds are
 * idempotent, see counter-store). Never rejects: the caller's answer does not wait on a retry.
 */
export async function refundWithRetry(run: () => Promise<void>): Promise<void> {
  const refund: PendingRefund = { run, tries: 0, timer: null };
  pending.add(refund);
  if (await attempt(refund)) return;
  log.warn("message refund deferred: the counter store is unavailable; retrying");
}

export function pendingRefunds(): number {
  return pending.size;
}

/** On shutdown: one more try for each refund still waiting. */
export async function drainRefunds(): Promise<void> {
  await Promise.all(
    [...pending].map((refund) => {
      if (refund.timer) clearTimeout(refund.timer);
      return attempt(refund);
    }),
  );
  for (const refund of pending) if (refund.timer) clearTimeout(refund.timer);
}
