// `npm run bench`: what OauthRouter adds to a request, measured against the fake upstream directly
// and a minimal pass-through proxy, on the embedded database and on PostgreSQL. Loopback only.
// BENCH_PHASES (default all): short, streams-1k, streams-5k; BENCH_DATABASES: embedded, postgres.
import { mkdirSync, writeFileSync } from "node:fs";
// @ts-expect-error plain .mjs shared with `npm start`
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { loadTest, streamTtfb, WARMUP_SECONDS } from "./load";
import { loopDelayProbe, model, startOurs, startReference, type Db } from "./ours";
import { cpuSeconds, memoryMb, pinning, startProcess, type Running } from "./processes";
import { checkTargets, table, type Row } from "./report";
import { runStreamPhases, SHAPES } from "./run-streams";
import type { StreamRow } from "./stream-phase";
import { checkStreamTargets, streamTable } from "./stream-report";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const LEAK_RUNS = 3;
const LATENCIES = [0, 50] as const;
const list = (value: string | undefined, all: string[]) => (value ? value.split(",").map((s) => s.trim()).filter((s) => all.includes(s)) : all);
const PHASES = list(process.env.BENCH_PHASES, ["short", ...SHAPES.map((s) => s.name)]);
const DATABASES = list(process.env.BENCH_DATABASES, ["embedded", "postgres"]) as Db[];

async function measure(target: string, url: string, token: string, latencyMs: number, pid?: number): Promise<Row> {
  const warmup = await loadTest(url, token, model(latencyMs), WARMUP_SECONDS);
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const load = await loadTest(url, token, model(latencyMs), SECONDS);
  const cpuS = pid ? cpuSeconds(pid) - cpuBefore : undefined;
  const streamLoad = await loadTest(url, token, model(latencyMs), SECONDS, { stream: true });
  const ttfb = await streamTtfb(url, token, model(latencyMs));
  const memory = pid ? memoryMb(pid) : undefined;
  return { target, latencyMs, coldRps: warmup.rps, load, streamLoad, ttfb, cpuS, cpuMsPerRequest: cpuS === undefined ? undefined : (cpuS * 1000) / (load.rps * SECONDS), peakRssMb: memory?.peak, rssAfterMb: memory?.current };
}

/** The same load again and again: resident memory after each run should level off, not climb. */
async function leakCheck(url: string, token: string, pid: number): Promise<number[]> {
  const after: number[] = [];
  for (let run = 0; run < LEAK_RUNS; run++) {
    await loadTest(url, token, model(0), SECONDS);
    await loadTest(url, token, model(0), SECONDS, { stream: true });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    after.push(Math.round(memoryMb(pid).current));
  }
  return after;
}

/**
 * The web app (Next.js) loads on the first page request, so the rows above are an instance serving
 * only the API. This is the same instance once pages have been served, after one more API run.
 */
async function rssWithWebApp(url: string, token: string, pid: number): Promise<number> {
  for (const page of ["/", "/docs", "/signin"]) await fetch(url + page).then((r) => r.arrayBuffer());
  await loadTest(url, token, model(0), SECONDS);
  return Math.round(memoryMb(pid).current);
}

/** The short-request phases (10 and 50 connections' worth of whole answers and streams). */
async function runShort(fakes: Record<number, string>, started: Running[]) {
  const rows: Row[] = [];
  const leaks: Record<string, number[]> = {};
  const withWebApp: Record<string, number> = {};
  const proxies: Record<number, Running> = {};
  for (const latency of LATENCIES) started.push((proxies[latency] = await startReference(fakes[latency], await loopDelayProbe(false))));
  for (const latency of LATENCIES) {
    rows.push(await measure("direct", fakes[latency], "sk-bench-direct", latency));
    rows.push(await measure("reference proxy", proxies[latency].url, "unused", latency, proxies[latency].pid));
  }
  for (const db of DATABASES) {
    const ours = await startOurs(db, fakes);
    try {
      for (const latency of LATENCIES) rows.push(await measure(`oauthrouter (${db})`, ours.server.url, ours.token, latency, ours.server.pid));
      leaks[db] = await leakCheck(ours.server.url, ours.token, ours.server.pid);
      rows.filter((r) => r.target === `oauthrouter (${db})`).forEach((r) => (r.peakRssMb = memoryMb(ours.server.pid).peak));
      withWebApp[db] = await rssWithWebApp(ours.server.url, ours.token, ours.server.pid);
    } finally {
      await ours.server.stop();
      await ours.cleanup();
    }
  }
  return { rows, leaks, withWebApp };
}

function printShort({ rows, leaks, withWebApp }: Awaited<ReturnType<typeof runShort>>) {
  console.log(`\n${table(rows)}\n\nresident memory after each of ${LEAK_RUNS} repeated runs (MB): ${Object.entries(leaks).map(([db, mb]) => `${db} ${mb.join(" → ")}`).join("; ")}`);
  console.log(`resident memory once the web app is loaded too (pages served, then one more API run; MB): ${Object.entries(withWebApp).map(([db, mb]) => `${db} ${mb}`).join("; ")}`);
}

async function main() {
  buildIfStale();
  pinning.load(process.pid);
  const started: Running[] = [];
  let short: Awaited<ReturnType<typeof runShort>> | undefined;
  let streamRows: StreamRow[] = [];
  try {
    const fakes: Record<number, string> = {};
    let fakePid = 0;
    for (const latency of LATENCIES) {
      const fake = await startProcess(["--import", "tsx", "test/fake-upstream/cli.ts", "--latency", String(latency)], {}, "FAKE");
      started.push(fake);
      fakes[latency] = fake.url;
      if (latency === 0) fakePid = fake.pid;
    }
    if (PHASES.includes("short")) short = await runShort(fakes, started);
    const shapes = SHAPES.filter((s) => PHASES.includes(s.name));
    if (shapes.length) streamRows = await runStreamPhases(fakes, fakePid, shapes, DATABASES);
  } finally {
    await Promise.all(started.map((p) => p.stop()));
  }
  const targets = [...(short ? checkTargets(short.rows, short.leaks) : []), ...checkStreamTargets(streamRows)];
  if (short) printShort(short);
  if (streamRows.length) console.log(`\nmany concurrent streams (events: SSE events delivered to the client; CPU and memory: the server under test)\n${streamTable(streamRows)}`);
  console.log(`\nCPU pinning: ${pinning.enabled ? "server under test on its own CPU, load generator and fake upstream on the other(s)" : "off"}\n\n${targets.map((t) => `${t.pass ? "PASS" : "MISS"}  ${t.name}: ${t.measured}`).join("\n")}\n`);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify({ seconds: SECONDS, connections: 50, pinned: pinning.enabled, phases: PHASES, databases: DATABASES, ...short, streamRows, targets }, null, 2));
  console.log(`results written to ${file}`);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
