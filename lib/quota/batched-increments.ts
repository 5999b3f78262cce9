/** Takes up to `limit` messages for the request ids, in order; resolves to how many it took. */
export type TakeMany = (key: string, limit: number, requestIds: string[]) => Promise<number>;

interface Waiting {
  requestId: string;
  resolve: (taken: boolean) => void;
  reject: (error: unknown) => void;
}

// One statement's worth: large enough to drain a burst, small enough to keep the statement short.
const MAX_BATCH = 500;

/**
 * Coalesces concurrent increments of one counter into one statement. Every request of a token
 * (or an account) updates the same row, so they would otherwise queue on its lock one commit at
 * a time. The first caller's statement goes out at once; callers who arrive while it runs share
 * the next one. Admission is in arrival order and exact: the statement decides how many fit.
 */
export function batchedIncrements(takeMany: TakeMany): (key: string, limit: number, requestId: string) => Promise<boolean> {
  const queues = new Map<string, Waiting[]>();

  async function drain(queueKey: string, key: string, limit: number): Promise<void> {
    for (let queue = queues.get(queueKey); queue?.length; queue = queues.get(queueKey)) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const taken = await takeMany(key, limit, batch.map((waiting) => waiting.requestId));
        batch.forEach((waiting, index) => waiting.resolve(index < taken));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    queues.delete(queueKey);
  }

  return (key, limit, requestId) =>
    new Promise<boolean>((resolve, reject) => {
      // A limit changed meanwhile gets its own queue: each statement checks against one limit.
      const queueKey = `${limit}\u0000${key}`;
      const queue = queues.get(queueKey);
      if (queue) return void queue.push({ requestId, resolve, reject });
      queues.set(queueKey, [{ requestId, resolve, reject }]);
      void drain(queueKey, key, limit);
    });
}
