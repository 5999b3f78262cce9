// The processes under test: OauthRouter (provisioned through the CLI, started the way `npm start`
// starts it) and the reference proxy, optionally preloaded with the event-loop delay probe.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
// @ts-expect-error plain .mjs shared with `npm start`
import { serverCommand } from "../scripts/server-command.mjs";
import { dropSchema } from "@/test/support/databases";
import { cli, pinning, startProcess, type Running } from "./processes";

export type Db = "embedded" | "postgres";
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ENCRYPTION_KEY = randomBytes(32).toString("hex");
const AUTH_SECRET = randomBytes(32).toString("hex");

export function freePort(): Promise<number> {
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
export const model = (latency: number) => (latency === 0 ? "openai/gpt-4o" : "deepseek/deepseek-chat");

export interface Probe {
  /** Node flags that preload the event-loop delay probe, and the URL it answers on. */
  flags: string[];
  env: Record<string, string>;
  url?: string;
}

/** With `on`, the process reports its event-loop delay on a side port (bench/loop-delay.mjs). */
export async function loopDelayProbe(on: boolean): Promise<Probe> {
  if (!on) return { flags: [], env: {} };
  const port = await freePort();
  return { flags: ["--import", path.resolve("bench/loop-delay.mjs")], env: { BENCH_LOOP_DELAY_PORT: String(port) }, url: `http://127.0.0.1:${port}` };
}

export async function startReference(target: string, probe: Probe): Promise<Running> {
  const proxy = await startProcess([...probe.flags, "--import", "tsx", "bench/reference-proxy.ts", "--target", target], probe.env, "PROXY");
  pinning.server(proxy.pid);
  return proxy;
}

export async function startOurs(db: Db, fakes: Record<number, string>, probe: Probe = { flags: [], env: {} }) {
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
  const run = serverCommand({ ...env, ...probe.env, PORT: String(await freePort()), HOST: "127.0.0.1" });
  const server = await startProcess([...profile, ...probe.flags, ...run.args], run.env, "listening on");
  pinning.server(server.pid);
  return { server, token, cleanup: () => (databaseUrl ? dropSchema(databaseUrl) : Promise.resolve()) };
}
