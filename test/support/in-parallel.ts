/** Runs `send(0 … total-1)` with `concurrency` in flight at a time; the results in the order they finished. */
export async function inParallel<T>(total: number, concurrency: number, send: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) results.push(await send(next++));
    }),
  );
  return results;
}
