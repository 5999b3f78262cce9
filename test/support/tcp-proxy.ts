import { createConnection, createServer, type Socket } from "node:net";

/**
 * How a dependency goes away: `refuse` is a server restarting (connections reset, new ones
 * refused); `blackhole` is a network partition (nothing arrives, nothing is refused).
 */
export type CutMode = "refuse" | "blackhole";

export interface TcpProxy {
  port: number;
  cut(mode: CutMode): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | null;
}

/** A loopback TCP proxy to `target` that a test can cut and restore, like the link to a database. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let mode: CutMode | null = null;

  function connect(pair: Pair): void {
    const upstream = createConnection(target);
    pair.upstream = upstream;
    pair.client.pipe(upstream).pipe(pair.client);
    pair.client.resume();
    const drop = () => {
      pair.client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    upstream.on("error", drop).on("close", drop);
  }

  const server = createServer({ pauseOnConnect: true }, (client) => {
    const pair: Pair = { client, upstream: null };
    if (mode === "refuse") return void client.destroy();
    pairs.add(pair);
    client.on("error", () => undefined).on("close", () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    // During a partition the connection is held, neither answered nor refused.
    if (mode !== "blackhole") connect(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  return {
    port,
    async cut(next) {
      mode = next;
      for (const pair of pairs) {
        if (next === "refuse") {
          pair.client.destroy();
          pair.upstream?.destroy();
        } else {
          pair.client.unpipe();
          pair.upstream?.unpipe();
          pair.client.pause();
          pair.upstream?.pause();
        }
      }
      if (next === "refuse") await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async restore() {
      const previous = mode;
      mode = null;
      if (previous === "refuse") await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      for (const pair of [...pairs]) {
        if (!pair.upstream) connect(pair);
        else {
          pair.client.pipe(pair.upstream).pipe(pair.client);
          pair.client.resume();
          pair.upstream.resume();
        }
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
