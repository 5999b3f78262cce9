import { env } from "@/lib/config/env";
import { errorReason, log } from "@/lib/observability/logger";
import { recheckDueCredentials } from "./recheck-due-credentials";

interface Rechecks {
  /** Servers (and start-up hooks) that asked for them; the last one to stop ends them. */
  users: number;
  timer?: NodeJS.Timeout;
  round?: Promise<void>;
  /** Aborted when the last user stops: a round under way ends after the check in progress. */
  stopping: AbortController;
  failing: boolean;
}

// One per process, on globalThis: Next.js bundles and the API server may load this module twice.
const SLOT = Symbol.for("oauthrouter.backgroundRechecks");
type GlobalWithRechecks = typeof globalThis & { [SLOT]?: Rechecks };

/** How often an instance looks for due checks: a quarter of the first backoff step, 15 s at most. */
function pollMs(): number {
  return Math.min(15_000, Math.max(20, Math.floor(env().CREDENTIAL_RECHECK_BACKOFF_MS[0] / 4)));
}

function schedule(state: Rechecks, delayMs: number): void {
  clearTimeout(state.timer);
  if (state.users === 0) return;
  state.timer = setTimeout(() => runRound(state), delayMs);
  state.timer.unref();
}

function runRound(state: Rechecks): void {
  state.round = recheckDueCredentials(new Date(), state.stopping.signal).then(
    (round) => {
      if (state.failing) log.info("automatic credential checks running again");
      state.failing = false;
      // A full batch means more are due: take the next one at once.
      schedule(state, round.more ? 0 : pollMs());
    },
    (error) => {
      if (!state.failing) log.warn("automatic credential checks failed; retrying", { error: errorReason(error) });
      state.failing = true;
      schedule(state, pollMs());
    },
  );
}

/** Starts the background re-check of credentials out of service in this process (timers unref'd). */
export function startBackgroundRechecks(): void {
  const holder = globalThis as GlobalWithRechecks;
  const state = (holder[SLOT] ??= { users: 0, failing: false, stopping: new AbortController() });
  state.users += 1;
  if (state.users > 1) return;
  state.stopping = new AbortController();
  schedule(state, pollMs());
}

/** One user fewer (`all`: every one, at shutdown); the last waits for a round under way to end. */
export async function stopBackgroundRechecks(all = false): Promise<void> {
  const state = (globalThis as GlobalWithRechecks)[SLOT];
  if (!state || state.users === 0) return;
  state.users = all ? 0 : state.users - 1;
  if (state.users > 0) return;
  clearTimeout(state.timer);
  state.stopping.abort();
  await state.round;
}
