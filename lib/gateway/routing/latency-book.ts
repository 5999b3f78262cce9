/** How much each new measurement moves the average (an exponentially weighted mean). */
const WEIGHT = 0.3;
const MAX_ENTRIES = 10_000;

const averages = new Map<string, number>();

const keyOf = (credentialId: string, model: string) => `${credentialId}\u0000${model}`;

/**
 * Milliseconds a credential took to start answering for a model, averaged over its recent
 * requests in this process: what `sort: "latency" | "throughput"` (and `:nitro`) order by.
 */
export function recordLatency(credentialId: string, model: string, ms: number): void {
  const key = keyOf(credentialId, model);
  const previous = averages.get(key);
  if (previous === undefined && averages.size >= MAX_ENTRIES) averages.delete(averages.keys().next().value!);
  averages.set(key, previous === undefined ? ms : previous + WEIGHT * (ms - previous));
}

/** The average, or undefined for a credential not measured with this model yet. */
export function knownLatency(credentialId: string, model: string): number | undefined {
  return averages.get(keyOf(credentialId, model));
}
