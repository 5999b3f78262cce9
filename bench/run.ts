// `npm run bench`: what OauthRouter adds to a request, measured against the fake upstream directly
// and a minimal pass-through proxy, on the embedded database and on PostgreSQL. Loopback only.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
// @ts-expect-error plain .mjs shared with `npm start`
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { dropSchema } from "@/test/support/databases";
import { loadTest, streamTtfb, type LoadResult } from "./load";
import { cli, cpuSeconds, memoryMb, startProcess, type Running } from "./processes";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ENCRYPTION_KEY = randomBytes(32).toString("hex");
const AUTH_SECRET = randomBytes(32).toString("hex");

interface Row { target: string; latencyMs: number; load: LoadResult; ttfb?: { p50: number; p99: number }; cpuS?: number; peakRssMb?: number; rssAfterMb?: number }

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startOurs(db: "embedded" | "postgres", fakes: Record<number, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "oauthrouter-bench-"));
  const databaseUrl = db === "postgres" ? `${POSTGRES}?schema=bench_${randomBytes(4).toString("hex")}` : "";
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ENCRYPTION_KEY, AUTH_SECRET, UPSTREAM_OPENAI_BASE_URL: `${fakes[0]}/v1`, UPSTREAM_MISTRAL_BASE_URL: `${fakes[50]}/v1`, ALLOW_PRIVATE_UPSTREAMS: "true", LOG_LEVEL: "warn" };
  // Provisioned through the CLI first: the embedded database belongs to one process at a time.
  const user = cli(["user", "create", "--email", "bench@example.com", "--password", "bench-password", "--plan", "enterprise"], env);
  for (const provider of ["openai", "mistral"]) cli(["provider", "add", "--user", "bench@example.com", "--provider", provider, "--key", `sk-bench-${provider}`], env);
  const server = await startProcess(["--import", "tsx", "server.ts"], { ...env, PORT: String(await freePort()), HOST: "127.0.0.1", NODE_ENV: "production" }, "listening on");
  return { server, token: user.token as string, cleanup: () => (databaseUrl ? dropSchema(databaseUrl) : Promise.resolve()) };
}

async function measure(target: string, url: string, token: string, latencyMs: number, model: string, pid?: number): Promise<Row> {
  await loadTest(url, token, model, 1, 10);
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const load = await loadTest(url, token, model, SECONDS);
  const cpuS = pid ? cpuSeconds(pid) - cpuBefore : undefined;
  const ttfb = await streamTtfb(url, token, model);
  return { target, latencyMs, load, ttfb, cpuS, ...(pid ? { peakRssMb: memoryMb(pid).peak, rssAfterMb: memoryMb(pid).current } : {}) };
}

function table(rows: Row[]): string {
  const direct = (ms: number) => rows.find((r) => r.target === "direct" && r.latencyMs === ms)!;
  const lines = ["target                 upstream  req/s     p50 ms  p99 ms  added p50  added p99  stream TTFB p50  TTFB overhead  CPU s  peak RSS MB"];
  for (const r of rows) {
    const d = direct(r.latencyMs);
    const cells = [
      r.target.padEnd(22), `${r.latencyMs} ms`.padEnd(9), r.load.rps.toFixed(0).padEnd(9), String(r.load.p50).padEnd(7), String(r.load.p99).padEnd(7),
      (r.load.p50 - d.load.p50).toFixed(1).padEnd(10), (r.load.p99 - d.load.p99).toFixed(1).padEnd(10),
      (r.ttfb?.p50.toFixed(2) ?? "").padEnd(16), ((r.ttfb?.p50 ?? 0) - (d.ttfb?.p50 ?? 0)).toFixed(2).padEnd(14),
      (r.cpuS?.toFixed(1) ?? "").padEnd(6), r.peakRssMb?.toFixed(0) ?? "",
    ];
    lines.push(cells.join(" ") + (r.load.errors ? `  (${r.load.errors} errors)` : ""));
  }
  return lines.join("\n");
}

async function main() {
  buildIfStale();
  const started: Running[] = [];
  const rows: Row[] = [];
  try {
    const fakes: Record<number, string> = {};
    for (const latency of [0, 50]) {
      const fake = await startProcess(["--import", "tsx", "test/fake-upstream/cli.ts", "--latency", String(latency)], {}, "FAKE");
      started.push(fake);
      fakes[latency] = fake.url;
    }
    const proxies: Record<number, Running> = {};
    for (const latency of [0, 50]) {
      proxies[latency] = await startProcess(["--import", "tsx", "bench/reference-proxy.ts", "--target", fakes[latency]], {}, "PROXY");
      started.push(proxies[latency]);
    }
    const model = (latency: number) => (latency === 0 ? "openai/gpt-4o" : "mistral/mistral-large-latest");
    for (const latency of [0, 50]) {
      const fakeUrl = `${fakes[latency]}`;
      rows.push(await measure("direct", fakeUrl, "sk-bench-direct", latency, model(latency)));
      rows.push(await measure("reference proxy", proxies[latency].url, "unused", latency, model(latency), proxies[latency].pid));
    }
    for (const db of ["embedded", "postgres"] as const) {
      const ours = await startOurs(db, fakes);
      try {
        for (const latency of [0, 50]) rows.push(await measure(`oauthrouter (${db})`, ours.server.url, ours.token, latency, model(latency), ours.server.pid));
        const again = await measure(`oauthrouter (${db}) rerun`, ours.server.url, ours.token, 0, model(0), ours.server.pid);
        rows.push(again);
      } finally {
        await ours.server.stop();
        await ours.cleanup();
      }
    }
  } finally {
    await Promise.all(started.map((p) => p.stop()));
  }
  const output = table(rows);
  console.log(`\n${output}\n`);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify({ seconds: SECONDS, connections: 50, rows }, null, 2));
  console.log(`results written to ${file}`);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
