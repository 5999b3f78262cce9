import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { dropSchema, uniqueSchemaUrl } from "@/test/support/databases";

/** `npm start` as an operator runs it; resolves with its exit code and everything it printed. */
function npmStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(40_000 + Math.floor(Math.random() * 20_000)), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  return new Promise((resolve) => child.once("exit", (code) => {
    clearTimeout(timer);
    resolve({ code, output });
  }));
}

describe("the production server refuses to start without its secrets on PostgreSQL", () => {
  const AUTH_SECRET = "a".repeat(40);
  const KEY = "ab".repeat(32);

  it.each([
    { name: "no ENCRYPTION_KEY", env: { ENCRYPTION_KEY: "", AUTH_SECRET }, message: "ENCRYPTION_KEY is required when DATABASE_URL is set (generate one with: openssl rand -hex 32)" },
    { name: "a malformed ENCRYPTION_KEY", env: { ENCRYPTION_KEY: "not-a-key", AUTH_SECRET }, message: "ENCRYPTION_KEY: must be 32 bytes, as 64 hex characters or base64" },
    { name: "no AUTH_SECRET", env: { ENCRYPTION_KEY: KEY, AUTH_SECRET: "" }, message: "AUTH_SECRET is required when DATABASE_URL is set" },
  ])("$name: exits 1 naming the setting, before serving anything", async ({ env, message }) => {
    const databaseUrl = uniqueSchemaUrl();
    try {
      const { code, output } = await npmStart({ DATABASE_URL: databaseUrl, ...env });
      expect(code).toBe(1);
      expect(output).toContain(message);
      expect(output).not.toMatch(/listening on/);
    } finally {
      await dropSchema(databaseUrl);
    }
  }, 120_000);
});
