import { setMaxListeners } from "node:events";
import { cpuSeconds, memoryMb } from "./processes";
import { freshTtfb, openStreams, type StreamShape, type StreamsResult } from "./streams";

export interface StreamRow extends Omit<StreamsResult, "errors"> {
  target: string;
  phase: string;
  streams: number;
  eventsPerSecond: number;
  freshTtfb: { p50: number; p99: number; n: number };
  errors: number;
  firstError?: string;
  cpuMsPerEvent?: number;
  /** Event-loop delay (ms), and the server's highest heap and external memory during the phase (MB). */
  loopDelay?: LoopDelay;
  rssBeforeMb?: number;
  rssOpenMb?: number;
  kbPerStream?: number;
  /** Of those KB per stream, the JS heap's share (highest heap used during, less before). */
  heapKbPerStream?: number;
}

/** The server under test: its process (CPU, memory) and, when preloaded with loop-delay.mjs, its event-loop delay. */
export interface Probed {
  pid: number;
  loopDelayUrl?: string;
}

type LoopDelay = { p50: number; p99: number; max: number; heapUsedMb: number; externalMb: number };
const loopDelay = async (url: string, path = "/") => (await fetch(url + path)).json() as Promise<LoopDelay>;

/**
 * One many-streams phase against one target: the streams, fresh requests while they are all open,
 * CPU per delivered event, event-loop delay, and resident memory per open stream (the highest RSS
 * sampled while every stream is open, less the RSS before, over the streams).
 */
export async function streamPhase(target: string, url: string, token: string, model: string, shape: StreamShape, server?: Probed): Promise<StreamRow> {
  const limitMs = Math.max(60_000, shape.seconds * 10_000);
  const signal = AbortSignal.timeout(limitMs);
  setMaxListeners(shape.count + 10, signal);
  const idle = server?.loopDelayUrl ? await loopDelay(server.loopDelayUrl, "/reset") : undefined;
  const rssBeforeMb = server ? memoryMb(server.pid).current : undefined;
  const cpuBefore = server ? cpuSeconds(server.pid) : 0;
  let rssOpenMb = 0;
  let sampler: NodeJS.Timeout | undefined;
  let stopProbes: () => void = () => undefined;
  const streamsDone = new Promise<void>((resolve) => (stopProbes = resolve));
  let probes: ReturnType<typeof freshTtfb> | undefined;
  const result = await openStreams(url, token, model, shape, signal, {
    // Fresh requests start once every stream is open and stop when the streams end.
    onAllOpen: () => {
      probes = freshTtfb(url, token, model, streamsDone);
      if (!server) return;
      const sample = () => (rssOpenMb = Math.max(rssOpenMb, memoryMb(server.pid).current));
      sample();
      sampler = setInterval(sample, 250);
    },
  });
  clearInterval(sampler);
  stopProbes();
  const freshResult = (await probes) ?? { p50: NaN, p99: NaN, n: 0 };
  const cpuS = server ? cpuSeconds(server.pid) - cpuBefore : undefined;
  const { errors, ...rest } = result;
  const during = server?.loopDelayUrl ? await loopDelay(server.loopDelayUrl) : undefined;
  return {
    ...rest,
    target,
    phase: shape.name,
    streams: shape.count,
    eventsPerSecond: result.events / result.wallSeconds,
    freshTtfb: freshResult,
    errors: errors.length,
    firstError: errors[0],
    cpuMsPerEvent: cpuS === undefined ? undefined : (cpuS * 1000) / Math.max(1, result.events),
    loopDelay: during,
    rssBeforeMb,
    rssOpenMb: server ? rssOpenMb : undefined,
    kbPerStream: server && rssBeforeMb !== undefined ? ((rssOpenMb - rssBeforeMb) * 1024) / shape.count : undefined,
    heapKbPerStream: idle && during ? ((during.heapUsedMb - idle.heapUsedMb) * 1024) / shape.count : undefined,
  };
}
