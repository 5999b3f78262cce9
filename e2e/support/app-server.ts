import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error plain .mjs script shared with `npm start`
import { serverCommand } from "../../scripts/server-command.mjs";

export interface RunningApp {
  url: string;
  port: number;
  dataDir: string;
  output: () => string;
  /** Resolves when the process ends, with its exit code (or the signal that killed it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The built product as `npm start` serves it, on a free port with a fresh embedded database. */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  return launch(extraEnv, (settings) => {
    // The production server exactly as `npm start` runs it (the bundle the test setup built).
    const { command, args, env } = serverCommand(settings);
    return spawn(command, args, { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
  });
}

/**
 * `npm start` itself (scripts/start.mjs and the server it starts), as the leader of a process group
 * of its own, as systemd or a terminal runs it: `killGroup` signals every process in it at once.
 */
export async function startNpmStart(extraEnv: Record<string, string> = {}): Promise<RunningApp & { killGroup(signal: NodeJS.Signals): void }> {
  let leader: ChildProcess | undefined;
  const app = await launch(extraEnv, (settings) => {
    leader = spawn(process.execPath, ["scripts/start.mjs"], { cwd: process.cwd(), env: { ...process.env, ...settings }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    return leader;
  });
  return { ...app, killGroup: (signal) => process.kill(-leader!.pid!, signal) };
}

async function launch(extraEnv: Record<string, string>, start: (settings: Record<string, string>) => ChildProcess): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "oauthrouter-e2e-"));
  const child = start({ PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url, DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: url, ...extraEnv });
  let log = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    const ok = await fetch(`${url}/api/v1/models`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    dataDir,
    output: () => log,
    exited,
    kill: (signal) => void child.kill(signal),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
