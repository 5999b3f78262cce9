// Many concurrent streams: `count` streamed chats opened at once, each trickling an event every
// `intervalMs` from the fake upstream (its `slow-tokens` fault), read to the end on one client.
import { Agent, request } from "undici";

export interface StreamShape {
  name: string;
  count: number;
  intervalMs: number;
  /** How long each stream lasts (the fake sends about seconds * 1000 / intervalMs events). */
  seconds: number;
}

export interface StreamsResult {
  opened: number;
  completed: number;
  events: number;
  wallSeconds: number;
  /** Time to first byte of the streams themselves, all asked for at once (ms). */
  openTtfb: { p50: number; p99: number };
  errors: string[];
}

// The fake's stream: a role event, "Echo:" and one event per word, the finish, (usage), [DONE].
const words = (shape: StreamShape) => Math.max(1, Math.round((shape.seconds * 1000) / shape.intervalMs) - 3);

export function streamBody(model: string, shape: StreamShape): string {
  const text = Array.from({ length: words(shape) }, (_, i) => `w${i}`).join(" ");
  return JSON.stringify({ model: `${model}--fault-slow-tokens-${shape.intervalMs}`, stream: true, messages: [{ role: "user", content: text }] });
}

/** SSE events in a body: blank lines, counted across chunk boundaries. */
function eventCounter() {
  let lastWasNewline = false;
  let events = 0;
  return {
    add(bytes: Uint8Array) {
      for (let i = 0; i < bytes.length; i++) {
        const newline = bytes[i] === 10;
        if (newline && lastWasNewline) events += 1;
        if (bytes[i] !== 13) lastWasNewline = newline;
      }
    },
    get events() {
      return events;
    },
  };
}

const WAVE = 500;

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);

interface Watch {
  /** Called once every stream has its first byte (or failed before it). */
  onAllOpen?: () => void;
}

/** Opens the streams (in quick waves) and reads them all to the end (or to `signal`). */
export async function openStreams(url: string, token: string, model: string, shape: StreamShape, signal: AbortSignal, watch: Watch = {}): Promise<StreamsResult> {
  const dispatcher = new Agent({ connections: null, pipelining: 1, headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 1_000 });
  const body = streamBody(model, shape);
  const ttfbs: number[] = [];
  const errors: string[] = [];
  let events = 0;
  let completed = 0;
  let waitingForFirstByte = shape.count;
  const firstByte = () => (--waitingForFirstByte === 0 ? watch.onAllOpen?.() : undefined);
  const started = performance.now();
  function one(): { headers: Promise<unknown>; stream: Promise<void> } {
    const pending = request(`${url}/v1/chat/completions`, { method: "POST", dispatcher, signal, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
    return { headers: pending.catch(() => undefined), stream: read(pending) };
  }
  async function read(pending: ReturnType<typeof request>) {
    const begun = performance.now();
    let seenFirst = false;
    try {
      const response = await pending;
      const counter = eventCounter();
      for await (const chunk of response.body) {
        if (!seenFirst && chunk.length) {
          seenFirst = true;
          ttfbs.push(performance.now() - begun);
          firstByte();
        }
        counter.add(chunk);
      }
      events += counter.events;
      if (response.statusCode === 200) completed += 1;
      else errors.push(`HTTP ${response.statusCode}`);
    } catch (error) {
      errors.push((error as Error).message);
    } finally {
      if (!seenFirst) firstByte();
    }
  }
  // In waves of WAVE, each once the one before has its response headers: thousands of connects
  // at the same instant would overflow a server's listen backlog (511 in Node) and time out.
  const running: Promise<void>[] = [];
  for (let opened = 0; opened < shape.count && !signal.aborted; opened += WAVE) {
    const wave = Array.from({ length: Math.min(WAVE, shape.count - opened) }, () => one());
    running.push(...wave.map((w) => w.stream));
    await Promise.all(wave.map((w) => w.headers));
  }
  await Promise.all(running);
  const wallSeconds = (performance.now() - started) / 1000;
  await dispatcher.close();
  ttfbs.sort((a, b) => a - b);
  return { opened: ttfbs.length, completed, events, wallSeconds, openTtfb: { p50: percentile(ttfbs, 0.5), p99: percentile(ttfbs, 0.99) }, errors };
}

/**
 * Time to first byte of fresh streamed requests made one after another (a pause of `gapMs` between
 * them) until `stop` resolves: what a new user waits for while the streams run.
 */
export async function freshTtfb(url: string, token: string, model: string, stop: Promise<unknown>, gapMs = 100): Promise<{ p50: number; p99: number; n: number }> {
  const dispatcher = new Agent({ connections: 1, headersTimeout: 60_000, bodyTimeout: 60_000 });
  const body = JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "fresh request" }] });
  const times: number[] = [];
  let stopped = false;
  void stop.then(() => (stopped = true));
  while (!stopped) {
    const started = performance.now();
    const response = await request(`${url}/v1/chat/completions`, { method: "POST", dispatcher, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
    for await (const chunk of response.body) {
      if (chunk.length) {
        times.push(performance.now() - started);
        break;
      }
    }
    await response.body.dump();
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  await dispatcher.close();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), n: times.length };
}
