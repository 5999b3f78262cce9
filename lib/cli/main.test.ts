import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/tokens";
import { db, type Database } from "@/lib/db";
import { databaseTargets, dropSchema, installDatabase, postgresTarget, uninstallDatabase, uniqueSchemaUrl, type DatabaseTarget } from "@/test/support/databases";
import { main } from "./main";

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (text) => lines.push(text));
  return { code, out: lines.join("\n") };
}

describe.each(databaseTargets())("operator CLI on $name", (target: DatabaseTarget) => {
  let database: Database;
  beforeAll(async () => {
    database = await installDatabase(target);
  });
  afterAll(() => uninstallDatabase(target));

  // main() closes the process database after each command, as the real CLI exits; reinstall it.
  async function cliKeepingDb(args: string[]) {
    const result = await cli(args);
    database = await installDatabase(target);
    return result;
  }

  it("creates users, lists them, adds a provider and issues tokens and management keys", async () => {
    const created = await cliKeepingDb(["user", "create", "--email", "ops@example.com", "--password", "password-123", "--plan", "pro", "--json"]);
    expect(created.code).toBe(0);
    const user = JSON.parse(created.out);
    expect(user).toMatchObject({ email: "ops@example.com", plan: "pro" });
    expect(user.token).toMatch(/^lr_live_/);

    const added = await cliKeepingDb(["provider", "add", "--user", "ops@example.com", "--provider", "anthropic", "--key", "sk-ant-oat01-abcdefghijkl", "--json"]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({ provider: "anthropic", kind: "oauth_token", masked: "••••ijkl" });
    expect(added.out).not.toContain("sk-ant-oat01");

    const token = await cliKeepingDb(["token", "create", "--user", "ops@example.com", "--name", "ci", "--json"]);
    const { token: secret, hash } = JSON.parse(token.out);
    expect(secret).toMatch(/^lr_live_/);
    expect(hash).toBe(hashToken(secret));

    const limited = await cliKeepingDb(["token", "create", "--user", "ops@example.com", "--name", "batch", "--limit", "500", "--limit-reset", "daily", "--strategy", "round-robin", "--providers", "openai,anthropic", "--json"]);
    expect(JSON.parse(limited.out)).toMatchObject({ name: "batch", limit: 500, limit_reset: "daily", strategy: "round-robin", allowed_providers: ["openai", "anthropic"], usage: 0, usage_messages: 0 });
    const badLimit = await cliKeepingDb(["token", "create", "--user", "ops@example.com", "--limit", "lots"]);
    expect(badLimit).toMatchObject({ code: 2, out: "Error: --limit must be a whole number" });
    const budgeted = await cliKeepingDb(["token", "create", "--user", "ops@example.com", "--name", "agent", "--limit-usd", "12.50", "--limit-usd-reset", "weekly", "--json"]);
    expect(JSON.parse(budgeted.out)).toMatchObject({ name: "agent", limit: null, limit_usd: 12.5, limit_usd_reset: "weekly", limit_usd_remaining: 12.5 });
    const badBudget = await cliKeepingDb(["token", "create", "--user", "ops@example.com", "--limit-usd", "$5"]);
    expect(badBudget).toMatchObject({ code: 2, out: "Error: --limit-usd must be dollars, e.g. 25 or 2.50" });

    const mgmt = await cliKeepingDb(["mgmt-key", "create", "--user", "ops@example.com"]);
    expect(mgmt.out).toMatch(/lr_mgmt_[A-Za-z0-9_-]{40}/);

    const listed = await cliKeepingDb(["user", "list", "--json"]);
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ email: "ops@example.com", plan: "pro", credentials: 1, tokens: 4 })]);
  });

  it("explains bad input with a non-zero exit and no stack trace", async () => {
    const missing = await cliKeepingDb(["token", "create", "--user", "nobody@example.com"]);
    expect(missing).toMatchObject({ code: 2, out: "Error: No user with email nobody@example.com" });
    const badProvider = await cliKeepingDb(["provider", "add", "--user", "ops@example.com", "--provider", "acme", "--key", "12345678"]);
    expect(badProvider.out).toBe("Error: provider: is not a supported provider");
    expect(badProvider.code).toBe(1);
    const unknown = await cliKeepingDb(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain("oauthrouter user create");
  });
});

describe("npx oauthrouter (the installed bin)", () => {
  const env = { ...process.env, DATABASE_URL: "" };
  it("runs against the embedded database in DATA_DIR", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "oauthrouter-cli-"));
    const options = { env: { ...env, DATA_DIR: dataDir }, cwd: process.cwd() };
    await run("npx", ["oauthrouter", "user", "create", "--email", "bin@example.com", "--password", "password-123"], options);
    const { stdout } = await run("npx", ["oauthrouter", "user", "list", "--json"], options);
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ email: "bin@example.com", plan: "free" })]);
  }, 120_000);

  it("runs against PostgreSQL with DATABASE_URL", async () => {
    const url = uniqueSchemaUrl();
    const options = { env: { ...env, DATABASE_URL: url }, cwd: process.cwd() };
    try {
      const { stdout } = await run("npx", ["oauthrouter", "user", "create", "--email", "pg@example.com", "--password", "password-123", "--json"], options);
      expect(JSON.parse(stdout)).toMatchObject({ email: "pg@example.com" });
    } finally {
      await dropSchema(url);
    }
  }, 120_000);
});

describe("every CLI command with PostgreSQL and Redis configured (production)", () => {
  const url = uniqueSchemaUrl();
  const env = { ...process.env, DATABASE_URL: url, REDIS_URL: "redis://127.0.0.1:6379", ENCRYPTION_KEY: randomBytes(32).toString("hex"), AUTH_SECRET: randomBytes(32).toString("hex") };
  afterAll(() => dropSchema(url));

  const COMMANDS = [
    ["user", "create", "--email", "exits@example.com", "--password", "password-123"],
    ["user", "list"],
    ["provider", "add", "--user", "exits@example.com", "--provider", "openai", "--key", "sk-proj-exits-1234"],
    ["token", "create", "--user", "exits@example.com", "--limit", "100"],
    ["mgmt-key", "create", "--user", "exits@example.com"],
    ["secrets", "rotate"],
    ["--help"],
  ];

  it("exits by itself once its work is done, each command, leaving no handle open", async () => {
    for (const args of COMMANDS) {
      // A hang fails after a generous minute; a handle left open is named by the CLI itself on stderr.
      const { stderr } = await run(process.execPath, ["bin/oauthrouter.mjs", ...args], { env, cwd: process.cwd(), timeout: 60_000 });
      expect(stderr, args.join(" ")).not.toContain("handles are still open");
    }
  }, 300_000);
});

describe("token create with Redis configured but down", () => {
  const url = uniqueSchemaUrl();
  afterAll(() => dropSchema(url));

  /** A loopback port nothing listens on: Redis refuses every connection. */
  const closedPort = () => new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

  it("prints the token it saved (a new token has nothing counted to read), and exits 0", async () => {
    const env = { ...process.env, DATABASE_URL: url, REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, ENCRYPTION_KEY: randomBytes(32).toString("hex"), AUTH_SECRET: randomBytes(32).toString("hex") };
    const options = { env, cwd: process.cwd(), timeout: 60_000 };
    await run(process.execPath, ["bin/oauthrouter.mjs", "user", "create", "--email", "redis-down@example.com", "--password", "password-123"], options);
    const printedHashes: string[] = [];
    for (const flags of [[], ["--limit", "100", "--limit-usd", "5"]]) {
      const { stdout } = await run(process.execPath, ["bin/oauthrouter.mjs", "token", "create", "--user", "redis-down@example.com", "--json", ...flags], options);
      const printed = JSON.parse(stdout);
      expect(printed.token, flags.join(" ")).toMatch(/^lr_live_/);
      expect(printed, flags.join(" ")).toMatchObject({ hash: hashToken(printed.token), usage_messages: 0, limit_remaining: flags.length ? 100 : null, limit_usd_remaining: flags.length ? 5 : null });
      printedHashes.push(printed.hash);
    }
    await installDatabase(postgresTarget(url));
    try {
      const saved = await (await db()).apiToken.findMany({ where: { isDefault: false }, select: { tokenHash: true } });
      expect(saved.map((token) => token.tokenHash).sort()).toEqual(printedHashes.sort());
    } finally {
      await uninstallDatabase(postgresTarget(url));
    }
  }, 120_000);
});
