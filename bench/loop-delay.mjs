// Bench only, preloaded with `node --import ./bench/loop-delay.mjs` into a server under test: its
// event-loop delay on a side port (BENCH_LOOP_DELAY_PORT), so the server's own code stays untouched.
// GET / answers {p50, p99, max} in ms since the last GET /reset, and the highest heap and
// external (buffers, native) memory seen since then, in MB, to tell JS objects from the rest of RSS.
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns) => Math.round(ns / 1e4) / 100;
const mb = (bytes) => Math.round(bytes / 1e4 / 1.048576) / 100;
let peak = { heapUsedMb: 0, externalMb: 0 };
const sample = () => {
  const { heapUsed, external } = process.memoryUsage();
  peak = { heapUsedMb: Math.max(peak.heapUsedMb, mb(heapUsed)), externalMb: Math.max(peak.externalMb, mb(external)) };
};
setInterval(sample, 250).unref();

const server = createServer((req, res) => {
  if (req.url === "/reset") {
    histogram.reset();
    peak = { heapUsedMb: 0, externalMb: 0 };
    sample();
  }
  const body = JSON.stringify({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), ...peak });
  res.writeHead(200, { "content-type": "application/json" }).end(body);
});
server.listen(Number(process.env.BENCH_LOOP_DELAY_PORT), "127.0.0.1");
server.unref();
