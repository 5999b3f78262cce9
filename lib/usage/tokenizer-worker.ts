import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { GatewayError } from "@/lib/errors/gateway-error";

// Loading the o200k_base tables takes about 150 ms of CPU and 70 MB: done in a worker thread so the
// request path never stalls on it, started on first need and ended when idle. (gpt-tokenizer: half
// the memory of js-tiktoken's tables and a fifth of the start-up, with the same counts.)
const IDLE_MS = 60_000;
// Text goes to the worker in slices of this size, taken from each account in turn: one account's
// megabytes wait behind another's "hello" for one slice at most (under 2 ms of plain text).
const SLICE_CHARS = 16_384;
/** How much text one account may have waiting to be counted at once. */
export const MAX_QUEUED_CHARS = 16 * 1024 * 1024;

// BPE work grows with the square of a pre-token's length: a run of thousands of letters or CJK
// characters without a space took minutes. Runs are counted in pieces of 256 characters (an exact
// count for ordinary text, within a token or two per piece for such runs).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { countTokens } = require(workerData.encoding);
// Text that looks like a special token (<|endoftext|>) is counted as the text it is.
const asText = { disallowedSpecial: new Set() };
const RUN = 256;
function count(text) {
  let total = 0, start = 0, runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) runStart = i + 1;
    else if (i - runStart >= RUN && (c < 0xdc00 || c > 0xdfff)) {
      total += countTokens(text.slice(start, i), asText);
      start = runStart = i;
    }
  }
  return start < text.length ? total + countTokens(text.slice(start), asText) : total;
}
parentPort.on("message", ({ id, slices }) => {
  parentPort.postMessage({ id, count: slices.reduce((sum, text) => sum + count(text), 0) });
});
`;

interface Job {
  tenant: string;
  slices: string[];
  next: number;
  total: number;
  chars: number;
  resolve: (total: number) => void;
  reject: (error: unknown) => void;
  /** Stops listening to the caller's signal once the job is done. */
  release: () => void;
}

/** A text cut into slices near SLICE_CHARS, before a space where one is close, never inside a surrogate pair. */
function slicesOf(text: string): string[] {
  const slices: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + SLICE_CHARS);
    if (end < text.length) {
      const space = text.slice(end - 256, end).lastIndexOf(" ");
      if (space > 0) end = end - 256 + space;
      else if (/[\ud800-\udbff]/.test(text[end - 1])) end -= 1;
    }
    slices.push(text.slice(start, end));
    start = end;
  }
  return slices;
}

/**
 * The one tokenizer worker, shared fairly: each account's counts queue on their own, accounts are
 * served a slice at a time in turn, a count whose caller left is dropped, and an account with
 * MAX_QUEUED_CHARS already waiting is refused (429) rather than queued.
 */
export class TokenizerWorker {
  private worker: Worker | null = null;
  private readonly queues = new Map<string, Job[]>();
  private readonly turns: string[] = [];
  private inFlight: { id: number; job: Job; taken: number } | null = null;
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  /** The sum of the texts' token counts, counted in `tenant`'s turn. */
  count(texts: string[], tenant: string, signal?: AbortSignal): Promise<number> {
    const slices = texts.flatMap(slicesOf);
    if (slices.length === 0) return Promise.resolve(0);
    signal?.throwIfAborted();
    const chars = slices.reduce((sum, slice) => sum + slice.length, 0);
    if (this.queuedChars(tenant) + chars > MAX_QUEUED_CHARS) {
      return Promise.reject(new GatewayError(429, "rate_limit_error", "Too much text is already waiting to be counted for this account; retry when those counts are done", { retryAfterMs: 1_000 }));
    }
    return new Promise<number>((resolve, reject) => {
      const job: Job = { tenant, slices, next: 0, total: 0, chars, resolve, reject, release: () => undefined };
      if (signal) {
        const onAbort = () => this.drop(job, signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        job.release = () => signal.removeEventListener("abort", onAbort);
      }
      if (!this.queues.has(tenant)) this.turns.push(tenant);
      this.queues.set(tenant, [...(this.queues.get(tenant) ?? []), job]);
      this.dispatch();
    });
  }

  /** Characters of `tenant`'s text waiting to be counted (or being counted). */
  queuedChars(tenant: string): number {
    return (this.queues.get(tenant) ?? []).reduce((sum, job) => sum + job.chars, 0);
  }

  /** Sends the next tenant's next slices, when the worker is free. */
  private dispatch(): void {
    if (this.inFlight) return;
    const tenant = this.turns.shift();
    if (tenant === undefined) return this.idle();
    const job = this.queues.get(tenant)![0];
    let taken = 0;
    for (let chars = 0; job.next + taken < job.slices.length && (taken === 0 || chars + job.slices[job.next + taken].length <= SLICE_CHARS); taken++) {
      chars += job.slices[job.next + taken].length;
    }
    this.turns.push(tenant);
    const worker = this.start();
    this.inFlight = { id: this.nextId++, job, taken };
    worker.postMessage({ id: this.inFlight.id, slices: job.slices.slice(job.next, job.next + taken) });
  }

  private settle(id: number, count: number): void {
    const flight = this.inFlight;
    if (!flight || flight.id !== id) return;
    this.inFlight = null;
    const { job, taken } = flight;
    job.total += count;
    job.next += taken;
    if (job.next >= job.slices.length && this.remove(job)) job.resolve(job.total);
    this.dispatch();
  }

  /** A count whose caller left: its slices are not sent; one already with the worker finishes unheard. */
  private drop(job: Job, reason: unknown): void {
    if (this.remove(job)) job.reject(reason);
  }

  private remove(job: Job): boolean {
    const queue = this.queues.get(job.tenant);
    if (!queue?.includes(job)) return false;
    job.release();
    const rest = queue.filter((queued) => queued !== job);
    if (rest.length) {
      this.queues.set(job.tenant, rest);
      return true;
    }
    this.queues.delete(job.tenant);
    const turn = this.turns.indexOf(job.tenant);
    if (turn >= 0) this.turns.splice(turn, 1);
    return true;
  }

  private start(): Worker {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.worker) {
      this.worker.ref();
      return this.worker;
    }
    // Resolved from the project root, so this works from the lean server and from Next's bundles.
    const requireFromRoot = createRequire(path.join(process.cwd(), "package.json"));
    const workerData = { encoding: requireFromRoot.resolve("gpt-tokenizer/encoding/o200k_base") };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, execArgv: [], env: {} });
    worker.on("message", ({ id, count }: { id: number; count: number }) => this.settle(id, count));
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", () => this.fail(worker, new Error("tokenizer worker exited")));
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.inFlight = null;
    const jobs = [...this.queues.values()].flat();
    this.queues.clear();
    this.turns.length = 0;
    for (const job of jobs) {
      job.release();
      job.reject(error);
    }
  }

  /** Nothing queued: the worker no longer keeps the process alive, and ends after a while. */
  private idle(): void {
    if (!this.worker || this.idleTimer) return;
    this.worker.unref();
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS).unref();
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.idleTimer = null;
    void worker?.terminate();
  }
}
