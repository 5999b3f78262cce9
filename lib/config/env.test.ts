import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";
import { resetSecretsCache, secrets } from "./secrets";

describe("configuration", () => {
  afterEach(() => resetSecretsCache());

  it("applies the documented defaults", () => {
    const config = parseEnv({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: ".data", MAX_BODY_BYTES: 20 * 1024 * 1024, ALLOW_PRIVATE_UPSTREAMS: false });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.CREDENTIAL_RECHECK_BACKOFF_MS).toEqual([60_000, 300_000, 1_800_000, 3_600_000]);
  });

  it("reads the automatic credential checks' backoff as milliseconds, and refuses anything else", () => {
    expect(parseEnv({ CREDENTIAL_RECHECK_BACKOFF_MS: "400,1200" }).CREDENTIAL_RECHECK_BACKOFF_MS).toEqual([400, 1200]);
    expect(() => parseEnv({ CREDENTIAL_RECHECK_BACKOFF_MS: "1m,5m" })).toThrow(/CREDENTIAL_RECHECK_BACKOFF_MS: must be a comma-separated list of milliseconds/);
    expect(() => parseEnv({ CREDENTIAL_RECHECK_BACKOFF_MS: "0,60000" })).toThrow(/CREDENTIAL_RECHECK_BACKOFF_MS: every interval must be above 0/);
  });

  it("names every malformed setting", () => {
    const attempt = () => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", REDIS_URL: "http://x" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT:[\s\S]*DATABASE_URL: must start with postgres:\/\/[\s\S]*REDIS_URL: must start with redis:\/\//);
  });

  it("generates secrets into the embedded data folder with owner-only permissions, and reuses them", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "oauthrouter-secrets-"));
    const first = secrets(parseEnv({ DATA_DIR: dataDir }));
    const keyFile = path.join(dataDir, "encryption.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(first.encryptionKeys[0].toString("hex")).toBe(readFileSync(keyFile, "utf8").trim());
    resetSecretsCache();
    expect(secrets(parseEnv({ DATA_DIR: dataDir })).encryptionKeys[0]).toEqual(first.encryptionKeys[0]);
  });

  it("refuses to start on a PostgreSQL server without an encryption key", () => {
    expect(() => secrets(parseEnv({ DATABASE_URL: "postgres://localhost/x", AUTH_SECRET: "x".repeat(32) }))).toThrow(
      /ENCRYPTION_KEY is required when DATABASE_URL is set/,
    );
    expect(() => secrets(parseEnv({ DATABASE_URL: "postgres://localhost/x", ENCRYPTION_KEY: "abc" }))).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
  });

  it("takes billing settings all together or not at all, and a Stripe API base without a path", () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_PRICE_PRO: "price_pro" })).toThrow(
      /STRIPE_WEBHOOK_SECRET: is required when any STRIPE_ setting is set[\s\S]*STRIPE_PRICE_STARTER[\s\S]*STRIPE_PRICE_ENTERPRISE/,
    );
    const complete = { STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_PRICE_STARTER: "p1", STRIPE_PRICE_PRO: "p2", STRIPE_PRICE_ENTERPRISE: "p3" };
    expect(parseEnv(complete).STRIPE_API_BASE_URL).toBeUndefined();
    expect(parseEnv({ ...complete, STRIPE_API_BASE_URL: "http://127.0.0.1:12111" }).STRIPE_API_BASE_URL).toBe("http://127.0.0.1:12111");
    expect(() => parseEnv({ ...complete, STRIPE_API_BASE_URL: "https://proxy.example.com/stripe" })).toThrow(/STRIPE_API_BASE_URL: must be http\(s\):\/\/host\[:port\] with no path/);
  });
});
