/** A stream that wants a filler once it has sent nothing for `everyMs`. */
export interface QuietWatch {
  everyMs: number;
  lastSent: number;
  send(): void;
}

interface Sweep {
  timer: NodeJS.Timeout;
  watched: Set<QuietWatch>;
}

const sweeps = new Map<number, Sweep>();

/**
 * One interval for all open streams of a period, not one timer each: with thousands of streams
 * open, per-stream timers were objects to keep and callbacks to fire on every stream, busy or not.
 * Checked every max(250 ms, everyMs / 2), as each stream's own interval was. Returns the unwatch.
 */
export function watchQuiet(watch: QuietWatch): () => void {
  const periodMs = Math.max(250, Math.floor(watch.everyMs / 2));
  let sweep = sweeps.get(periodMs);
  if (!sweep) {
    const watched = new Set<QuietWatch>();
    const timer = setInterval(() => {
      const now = Date.now();
      for (const quiet of watched) {
        if (now - quiet.lastSent < quiet.everyMs) continue;
        quiet.lastSent = now;
        // A stream that can no longer take bytes leaves the sweep, not the others with it.
        try {
          quiet.send();
        } catch {
          watched.delete(quiet);
        }
      }
    }, periodMs);
    timer.unref();
    sweeps.set(periodMs, (sweep = { timer, watched }));
  }
  const current = sweep;
  current.watched.add(watch);
  return () => {
    if (!current.watched.delete(watch) || current.watched.size) return;
    clearInterval(current.timer);
    if (sweeps.get(periodMs) === current) sweeps.delete(periodMs);
  };
}
