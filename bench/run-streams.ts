// The many-concurrent-streams phases: direct to the fake, through the reference proxy and through
// us on each database, each target in a fresh process so "RSS before" is an idle server's.
import { loadTest, WARMUP_SECONDS } from "./load";
import { loopDelayProbe, model, startOurs, startReference, type Db } from "./ours";
import { raiseFileLimit, type Running } from "./processes";
import { streamPhase, type StreamRow } from "./stream-phase";
import type { StreamShape } from "./streams";

export const SHAPES: StreamShape[] = [
  { name: "streams-1k", count: 1_000, intervalMs: 50, seconds: 2 },
  { name: "streams-5k", count: 5_000, intervalMs: 1_000, seconds: 30 },
];

/** A proxy holds two sockets per stream; the client and the fake one. */
function checkFileLimit(pid: number, streams: number, perStream: number) {
  const limit = raiseFileLimit(pid);
  if (limit < streams * perStream + 200) throw new Error(`process ${pid} may open ${limit} files, ${streams} streams need ${streams * perStream + 200}: raise ulimit -n`);
}

// A warm-up, so the phase meets compiled code and open database connections.
const warm = (url: string, token: string) => loadTest(url, token, model(0), WARMUP_SECONDS, { stream: true });

async function underTest(start: () => Promise<{ server: Running; token: string; cleanup?: () => Promise<void> }>, run: (server: Running, token: string) => Promise<StreamRow>): Promise<StreamRow> {
  const { server, token, cleanup } = await start();
  try {
    await warm(server.url, token);
    return await run(server, token);
  } finally {
    await server.stop();
    await cleanup?.();
  }
}

export async function runStreamPhases(fakes: Record<number, string>, fakePid: number, shapes: StreamShape[], dbs: Db[]): Promise<StreamRow[]> {
  const rows: StreamRow[] = [];
  for (const shape of shapes) {
    checkFileLimit(process.pid, shape.count, 1);
    checkFileLimit(fakePid, shape.count, 1);
    rows.push(await streamPhase("direct", fakes[0], "sk-bench-direct", model(0), shape));
    const probe = await loopDelayProbe(true);
    rows.push(await underTest(async () => ({ server: await startReference(fakes[0], probe), token: "unused" }), (server, token) => {
      checkFileLimit(server.pid, shape.count, 2);
      return streamPhase("reference proxy", server.url, token, model(0), shape, { pid: server.pid, loopDelayUrl: probe.url });
    }));
    for (const db of dbs) {
      const ourProbe = await loopDelayProbe(true);
      rows.push(await underTest(() => startOurs(db, fakes, ourProbe), (server, token) => {
        checkFileLimit(server.pid, shape.count, 2);
        return streamPhase(`oauthrouter (${db})`, server.url, token, model(0), shape, { pid: server.pid, loopDelayUrl: ourProbe.url });
      }));
    }
  }
  return rows;
}
