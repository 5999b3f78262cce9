import { randomUUID } from "node:crypto";
import { batchedIncrements } from "./batched-increments";
import type { CounterStore } from "./counter-store";
import type { LeaseStatements } from "./lease-statements";
import { refundWithRetry } from "./refund-queue";

/** Messages this instance took from one counter in one statement, handed to requests from memory. */
interface Lease {
  id: string;
  key: string;
  limit: number;
  /** What the lease's ticket holds, as last confirmed by the database. */
  held: number;
  /** Taken, not yet handed to a request. */
  free: number;
  /** Handed to requests still running (neither kept nor refunded yet). */
  inUse: number;
  /** Handed to requests whose messages are kept for good. */
  kept: number;
  lastHandedAt: number;
}

export interface LeasedCounterOptions {
  /** A lease nobody took from for this long gives back what it has left. */
  idleMs?: number;
}

/**
 * Message counters on PostgreSQL with per-instance leases. With plenty left on a counter, one
 * statement takes a small share of it (lease-statements sizes it) and the next requests take from
 * memory, with no round trip; with little left, each request takes exactly one. No instance ever
 * admits past a limit. What a lease has not handed out goes back once it has been idle a second,
 * and at shutdown; a refund on a spent lease goes back at once. So near a limit another instance
 * may be refused for up to a second while an idle one still holds a share taken earlier; an
 * instance that dies holding a lease loses what it had not handed out. Concurrent requests that
 * find nothing in memory share one statement (batched-increments).
 */
export function leasedCounters(statements: LeaseStatements, options: LeasedCounterOptions = {}): CounterStore {
  const idleMs = options.idleMs ?? 1_000;
  const current = new Map<string, Lease>();
  const live = new Map<string, Set<Lease>>();
  const holders = new Map<string, Lease[]>();
  let forgetting: string[] = [];
  let sweeper: NodeJS.Timeout | undefined;

  /** The lease new requests take from; any other (retired) one only waits for its requests to end. */
  const isCurrent = (lease: Lease) => current.get(lease.key) === lease;

  function hand(lease: Lease, requestId: string): void {
    lease.free -= 1;
    lease.inUse += 1;
    lease.lastHandedAt = Date.now();
    const held = holders.get(requestId);
    if (held) held.push(lease);
    else holders.set(requestId, [lease]);
    // Spent: a refund to it now goes straight back to the counter, where any instance can take it.
    if (lease.free === 0 && isCurrent(lease)) void retire(lease);
  }

  /** Hands the lease's free messages to `requestIds` from index `served` on; returns how many are served now. */
  function handOut(lease: Lease, requestIds: string[], served: number): number {
    while (served < requestIds.length && lease.free > 0) hand(lease, requestIds[served++]);
    return served;
  }

  function release(requestId: string, key: string): Lease | undefined {
    const held = holders.get(requestId);
    const index = held?.findIndex((lease) => lease.key === key) ?? -1;
    if (!held || index < 0) return undefined;
    const [lease] = held.splice(index, 1);
    if (!held.length) holders.delete(requestId);
    lease.inUse -= 1;
    return lease;
  }

  function forgetLease(lease: Lease): void {
    const leases = live.get(lease.key);
    leases?.delete(lease);
    if (leases?.size === 0) live.delete(lease.key);
  }

  /** A retired lease gives back what no request holds; once none runs, its ticket goes too. */
  function giveBack(lease: Lease): Promise<void> {
    if (lease.inUse === 0) {
      const keep = lease.kept;
      lease.free = 0;
      if (lease.held === keep) {
        forgetLease(lease);
        forgetting.push(lease.id);
        return Promise.resolve();
      }
      return refundWithRetry(async () => {
        await statements.drop(lease.key, lease.id, keep);
        forgetLease(lease);
      });
    }
    if (lease.free === 0) return Promise.resolve();
    const keep = lease.inUse + lease.kept;
    lease.free = 0;
    return refundWithRetry(async () => {
      await statements.trim(lease.key, lease.id, keep);
      lease.held = Math.min(lease.held, keep);
    });
  }

  function retire(lease: Lease): Promise<void> {
    if (isCurrent(lease)) current.delete(lease.key);
    if (current.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
    return giveBack(lease);
  }

  function flushForgotten(): Promise<void> {
    if (!forgetting.length) return Promise.resolve();
    const ids = forgetting;
    forgetting = [];
    return refundWithRetry(() => statements.forget(ids));
  }

  function sweep(): void {
    const idleSince = Date.now() - idleMs;
    for (const lease of [...current.values()]) if (lease.lastHandedAt < idleSince) void retire(lease);
    void flushForgotten();
  }

  function makeCurrent(lease: Lease): void {
    const previous = current.get(lease.key);
    if (previous) void retire(previous);
    current.set(lease.key, lease);
    sweeper ??= setInterval(sweep, Math.max(idleMs / 2, 10)).unref();
  }

  async function takeMany(key: string, limit: number, requestIds: string[]): Promise<number> {
    let served = 0;
    const lease = current.get(key);
    // A limit changed since the lease was taken: give it back, take afresh under the new one.
    if (lease && lease.limit !== limit) void retire(lease);
    else if (lease) served = handOut(lease, requestIds, served);
    if (served === requestIds.length) return served;

    const id = randomUUID();
    let taken: number;
    try {
      taken = await statements.take(key, limit, requestIds.length - served, id);
    } catch (error) {
      // The answer may be lost after the statement counted: give back whatever the ticket holds.
      void refundWithRetry(() => statements.drop(key, id, 0));
      throw error;
    }
    if (taken === 0) return served;
    const fresh: Lease = { id, key, limit, held: taken, free: taken, inUse: 0, kept: 0, lastHandedAt: Date.now() };
    if (!live.has(key)) live.set(key, new Set());
    live.get(key)!.add(fresh);
    served = handOut(fresh, requestIds, served);
    if (fresh.free > 0) makeCurrent(fresh);
    return served;
  }

  const batched = batchedIncrements(takeMany);

  return {
    tryIncrement(key, limit, requestId) {
      const lease = current.get(key);
      if (lease && lease.limit === limit && lease.free > 0) {
        hand(lease, requestId);
        return Promise.resolve(true);
      }
      return batched(key, limit, requestId);
    },
    async refund(key, requestId) {
      const lease = release(requestId, key);
      if (!lease) return;
      lease.free += 1;
      if (!isCurrent(lease)) await giveBack(lease);
    },
    async settle(requestIds) {
      for (const requestId of requestIds) {
        for (const lease of holders.get(requestId) ?? []) {
          lease.inUse -= 1;
          lease.kept += 1;
          if (!isCurrent(lease) && lease.inUse === 0) void giveBack(lease);
        }
        holders.delete(requestId);
      }
      await flushForgotten();
    },
    /** The counter as requests see it: what this instance has taken but not handed out is not used. */
    async read(key) {
      const stored = await statements.read(key);
      let unhanded = 0;
      for (const lease of live.get(key) ?? []) unhanded += lease.held - lease.inUse - lease.kept;
      return Math.max(stored - unhanded, 0);
    },
    async release() {
      await Promise.all([...current.values()].map(retire));
      await flushForgotten();
    },
  };
}
