import autocannon from "autocannon";
import { request } from "undici";

// A fresh server runs at a third of its pace for its first seconds while V8 compiles the hot paths
// (PGlite's WebAssembly too, on the embedded database): the targets are for a server that has been
// running, so each target gets this much load first; the short phase reports its rate as "cold req/s".
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const body = (model: string, stream: boolean) => JSON.stringify({ model, stream, messages: [{ role: "user", content: "benchmark request" }] });

/** Chat under load (whole answers, streamed or not): requests per second and latency percentiles (ms). */
export async function loadTest(url: string, token: string, model: string, seconds: number, options: { connections?: number; stream?: boolean } = {}): Promise<LoadResult> {
  const result = await autocannon({
    url: `${url}/v1/chat/completions`,
    method: "POST",
    connections: options.connections ?? 50,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body(model, options.stream ?? false),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Time to the first byte of streamed answers (ms, median and p99) at a modest concurrency. */
export async function streamTtfb(url: string, token: string, model: string, total = 300, concurrency = 10): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  let next = 0;
  async function worker() {
    while (next < total) {
      next += 1;
      const started = performance.now();
      const response = await request(`${url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body(model, true) });
      for await (const chunk of response.body) {
        if (chunk.length) {
          times.push(performance.now() - started);
          break;
        }
      }
      await response.body.dump();
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)] };
}
