// `npm run bench`: what OauthRouter adds to a request, measured against the fake upstream directly
// and a minimal pass-through proxy, on the embedded database and on PostgreSQL. Loopback only.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
// @ts-expect-error plain .mjs shared with `npm start`
import { buildIfStale } from "../scripts/build-if-stale.mjs";
// @ts-expect-error plain .mjs shared with `npm start`
import { serverCommand } from "../scripts/server-command.mjs";
import { dropSchema } from "@/test/support/databases";
import { loadTest, streamTtfb } from "./load";
import { cli, cpuSeconds, memoryMb, pinning, startProcess, type Running } from "./processes";
import { checkTargets, table, type Row } from "./report";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WARMUP_SECONDS = 3;
const LEAK_RUNS = 3;
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ENCRYPTION_KEY = randomBytes(32).toString("hex");
const AUTH_SECRET = randomBytes(32).toString("hex");
const LATENCIES = [0, 50] as const;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// One provider per fake: OpenAI in front of the 0 ms one, DeepSeek (same dialect) in front of the
// 50 ms one. Both honour stream_options.include_usage as the fake does. (Mistral reports usage in
// its last chunk unasked, which the fake does not imitate: through it, every Mistral stream would
// take the tokenizer fallback that real Mistral traffic never needs.)
const model = (latency: number) => (latency === 0 ? "openai/gpt-4o" : "deepseek/deepseek-chat");

async function startOurs(db: "embedded" | "postgres", fakes: Record<number, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "oauthrouter-bench-"));
  const databaseUrl = db === "postgres" ? `${POSTGRES}?schema=bench_${randomBytes(4).toString("hex")}` : "";
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ENCRYPTION_KEY, AUTH_SECRET, UPSTREAM_OPENAI_BASE_URL: `${fakes[0]}/v1`, UPSTREAM_DEEPSEEK_BASE_URL: `${fakes[50]}/v1`, ALLOW_PRIVATE_UPSTREAMS: "true" };
  // Provisioned through the CLI first: the embedded database belongs to one process at a time.
  cli(["user", "create", "--email", "bench@example.com", "--password", "bench-password", "--plan", "enterprise"], env);
  for (const provider of ["openai", "deepseek"]) cli(["provider", "add", "--user", "bench@example.com", "--provider", provider, "--key", `sk-bench-${provider}`], env);
  // A token with a message limit, so every request takes a message from a counter (quota on).
  const token = cli(["token", "create", "--user", "bench@example.com", "--name", "bench", "--limit", "100000000", "--limit-reset", "monthly"], env).token as string;
  // BENCH_PROFILE=1 writes a CPU profile of the server (open it in Chrome DevTools) to bench/results/.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", "bench/results/profiles"] : [];
  const run = serverCommand({ ...env, PORT: String(await freePort()), HOST: "127.0.0.1" });
  const server = await startProcess([...profile, ...run.args], run.env, "listening on");
  pinning.server(server.pid);
  return { server, token, cleanup: () => (databaseUrl ? dropSchema(databaseUrl) : Promise.resolve()) };
}

async function measure(target: string, url: string, token: string, latencyMs: number, pid?: number): Promise<Row> {
  await loadTest(url, token, model(latencyMs), WARMUP_SECONDS);
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const load = await loadTest(url, token, model(latencyMs), SECONDS);
  const cpuS = pid ? cpuSeconds(pid) - cpuBefore : undefined;
  const streamLoad = await loadTest(url, token, model(latencyMs), SECONDS, { stream: true });
  const ttfb = await streamTtfb(url, token, model(latencyMs));
  const memory = pid ? memoryMb(pid) : undefined;
  return { target, latencyMs, load, streamLoad, ttfb, cpuS, cpuMsPerRequest: cpuS === undefined ? undefined : (cpuS * 1000) / (load.rps * SECONDS), peakRssMb: memory?.peak, rssAfterMb: memory?.current };
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

async function main() {
  buildIfStale();
  pinning.load(process.pid);
  const started: Running[] = [];
  const rows: Row[] = [];
  const leaks: Record<string, number[]> = {};
  const withWebApp: Record<string, number> = {};
  try {
    const fakes: Record<number, string> = {};
    const proxies: Record<number, Running> = {};
    for (const latency of LATENCIES) {
      const fake = await startProcess(["--import", "tsx", "test/fake-upstream/cli.ts", "--latency", String(latency)], {}, "FAKE");
      started.push(fake);
      fakes[latency] = fake.url;
      proxies[latency] = await startProcess(["--import", "tsx", "bench/reference-proxy.ts", "--target", fake.url], {}, "PROXY");
      pinning.server(proxies[latency].pid);
      started.push(proxies[latency]);
    }
    for (const latency of LATENCIES) {
      rows.push(await measure("direct", fakes[latency], "sk-bench-direct", latency));
      rows.push(await measure("reference proxy", proxies[latency].url, "unused", latency, proxies[latency].pid));
    }
    for (const db of ["embedded", "postgres"] as const) {
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
  } finally {
    await Promise.all(started.map((p) => p.stop()));
  }
  const targets = checkTargets(rows, leaks);
  console.log(`\n${table(rows)}\n\nresident memory after each of ${LEAK_RUNS} repeated runs (MB): ${Object.entries(leaks).map(([db, mb]) => `${db} ${mb.join(" → ")}`).join("; ")}`);
  console.log(`resident memory once the web app is loaded too (pages served, then one more API run; MB): ${Object.entries(withWebApp).map(([db, mb]) => `${db} ${mb}`).join("; ")}`);
  console.log(`CPU pinning: ${pinning.enabled ? "server under test on its own CPU, load generator and fake upstream on the other(s)" : "off"}\n\n${targets.map((t) => `${t.pass ? "PASS" : "MISS"}  ${t.name}: ${t.measured}`).join("\n")}\n`);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify({ seconds: SECONDS, connections: 50, pinned: pinning.enabled, rows, leaks, rssWithWebAppMb: withWebApp, targets }, null, 2));
  console.log(`results written to ${file}`);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
