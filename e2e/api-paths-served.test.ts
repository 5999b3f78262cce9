import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOfPath, expectDialectError, type Dialect } from "@/test/support/dialect-errors";
import { sendRaw } from "@/test/support/raw-http";
import { startApp, type RunningApp } from "./support/app-server";

const send = (url: string, method: string, path: string, host?: string) => sendRaw(url, { method, path, headers: host ? { host } : {} });

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

/** The build served by Next.js alone (`next start`), without the lean API server in front. */
async function nextStart(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", DATA_DIR: mkdtempSync(path.join(tmpdir(), "oauthrouter-next-")), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/openapi.json`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`next start did not come up:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once("exit", () => done()), child.kill("SIGTERM")))) };
}

const CASES: Array<[method: string, path: string, status: number, shape: Dialect, allow?: string]> = [
  ["GET", "/v1/nope", 404, "openai"],
  ["GET", "/api/v1/nope/deeper", 404, "openrouter"],
  ["GET", "/v1", 404, "openai"],
  ["POST", "/v1/messages/batches", 404, "anthropic"],
  ["GET", "/v1beta/nope", 404, "gemini"],
  ["GET", "/v1/chat/completions", 405, "openai", "POST, OPTIONS"],
  ["DELETE", "/api/v1/models", 405, "openrouter", "GET, HEAD, OPTIONS"],
  ["PATCH", "/api/v1/keys", 405, "openrouter", "GET, POST, HEAD, OPTIONS"],
  ["GET", "/v1/messages", 405, "anthropic", "POST, OPTIONS"],
  ["GET", "/v1beta/models/gemini-2.5-flash:generateContent", 405, "gemini", "POST, OPTIONS"],
];

// Issue 19: unknown API paths answered the HTML 404 page and wrong methods an empty 405.
describe.each([
  { server: "the production server (npm start: lean API server, Next.js behind it)", start: () => startApp() as Promise<RunningApp | { url: string; stop(): Promise<void> }> },
  { server: "Next.js alone (next start), through its catch-all route files", start: nextStart },
])("$server", ({ start }) => {
  let served: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    served = await start();
  }, 120_000);
  afterAll(() => served?.stop());

  it.each(CASES)("%s %s answers %i JSON in the %s shape", async (method, pathname, status, shape, allow) => {
    const answer = await send(served.url, method, pathname);
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expectDialectError(JSON.parse(answer.body), shape, status);
    if (allow) expect(answer.headers.allow).toBe(allow);
  });
});

// Issue 17 item 14: what used to be a 500 in production, on API paths and pages alike.
describe("the production server answers malformed requests with 4xx, never a 500", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  }, 120_000);
  afterAll(() => app?.stop());

  it.each(["/v1/models/%E0%A4%A", "/api/v1/models/%E0%A4%A", "/dashboard/%E0%A4%A", "/%E0%A4%A", "/signin/%"])("malformed percent-encoding GET %s is a 400", async (pathname) => {
    const answer = await send(app.url, "GET", pathname);
    expect(answer.status).toBe(400);
    if (pathname.startsWith("/v1") || pathname.startsWith("/api/v1")) expectDialectError(JSON.parse(answer.body), dialectOfPath(pathname), 400);
  });

  it.each(["exa mple.com", "[::1", "1.2.3.4.5", "xn--a"])("a malformed Host %j is a 400 on API paths and pages", async (host) => {
    for (const pathname of ["/v1/models", "/", "/signin", "/api/auth/session"]) expect((await send(app.url, "GET", pathname, host)).status, pathname).toBe(400);
  });

  it.each(["TRACE", "PROPFIND", "PURGE"])("%s is a 405 with Allow on API paths and pages", async (method) => {
    for (const pathname of ["/v1/chat/completions", "/", "/dashboard", "/api/auth/session"]) {
      const answer = await send(app.url, method, pathname);
      expect(answer.status, pathname).toBe(405);
      expect(answer.headers.allow, pathname).toBeTruthy();
    }
  });
});
