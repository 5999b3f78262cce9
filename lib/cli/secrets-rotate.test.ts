import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { resetSecretsCache } from "@/lib/config/secrets";
import { encryptSecret, openWithKey, parseKey } from "@/lib/crypto/secret-box";
import { closeDatabase, db } from "@/lib/db";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { revealDefaultToken } from "@/lib/services/tokens/default-token";
import { databaseTargets, installDatabase, type DatabaseTarget } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { spawnApiProcess } from "@/test/support/spawn-api-process";
import { main } from "./main";

const OLD_KEY = randomBytes(32).toString("hex");
const NEW_KEY = randomBytes(32).toString("hex");
const UNKNOWN_KEY = randomBytes(32).toString("hex");

const CREDENTIALS = [
  { provider: "openai", key: "sk-openai-rotation-0001" },
  { provider: "anthropic", key: "sk-ant-oat01-rotation-subscription-0002" },
  { provider: "mistral", key: "mistral-rotation-0003" },
  { provider: "groq", key: "gsk_rotation_0004" },
  { provider: "deepseek", key: "sk-deepseek-rotation-0005" },
];

function useKeys(current: string, previous?: string) {
  process.env.ENCRYPTION_KEY = current;
  if (previous) process.env.ENCRYPTION_KEY_PREVIOUS = previous;
  else delete process.env.ENCRYPTION_KEY_PREVIOUS;
  resetEnvCache();
  resetSecretsCache();
}

async function storedCiphertexts(): Promise<string[]> {
  const prisma = await db();
  const credentials = await prisma.providerCredential.findMany({ orderBy: { id: "asc" } });
  const tokens = await prisma.apiToken.findMany({ where: { tokenCiphertext: { not: null } }, orderBy: { id: "asc" } });
  return [...credentials.map((c) => c.secretCiphertext), ...tokens.map((t) => t.tokenCiphertext!)];
}

describe.each(databaseTargets())("npx oauthrouter secrets rotate on $name", (target: DatabaseTarget) => {
  const savedKey = process.env.ENCRYPTION_KEY;
  let gateway: Gateway;
  let alice: { userId: string; token: string };

  // main() closes the process database after each command, as the real CLI exits; reopen it.
  async function cli(args: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const code = await main(args, (text) => lines.push(text));
    await installDatabase(target);
    return { code, out: lines.join("\n") };
  }

  beforeAll(async () => {
    useKeys(OLD_KEY);
    gateway = await startGateway(target);
    alice = await gateway.newUser("rotation@example.com", CREDENTIALS, "pro");
    await createApiToken(await db(), alice.userId, { name: "not kept encrypted" });
  });
  afterAll(async () => {
    await gateway?.close();
    process.env.ENCRYPTION_KEY = savedKey;
    useKeys(savedKey!);
  });

  it("refuses, changing nothing, when a stored secret opens under neither key", async () => {
    const prisma = await db();
    const rogue = await prisma.providerCredential.create({
      data: { userId: alice.userId, provider: "xai", label: "written under a lost key", secretCiphertext: encryptSecret("xai-lost-key-secret", parseKey(UNKNOWN_KEY)), secretLast4: "cret" },
    });
    useKeys(NEW_KEY, OLD_KEY);
    const before = await storedCiphertexts();
    const refused = await cli(["secrets", "rotate", "--batch-size", "2"]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe(
      `Error: 1 stored secret cannot be decrypted with ENCRYPTION_KEY or ENCRYPTION_KEY_PREVIOUS (credential ${rogue.id}). ` +
        "Nothing was changed. Set ENCRYPTION_KEY_PREVIOUS to the key they were written with and run again.",
    );
    expect(await storedCiphertexts()).toEqual(before);
    await (await db()).providerCredential.delete({ where: { id: rogue.id } });
  });

  it("re-encrypts every credential and default token in batches, reports counts, and changes nothing when run again", async () => {
    useKeys(NEW_KEY, OLD_KEY);
    const before = await storedCiphertexts();
    const dryRun = await cli(["secrets", "rotate", "--dry-run", "--json"]);
    expect(JSON.parse(dryRun.out)).toEqual({
      dryRun: true,
      credentials: { total: 5, rotated: 5, alreadyCurrent: 0, changedMeanwhile: 0 },
      tokens: { total: 1, rotated: 1, alreadyCurrent: 0, changedMeanwhile: 0 },
    });
    expect(await storedCiphertexts()).toEqual(before);

    const rotated = await cli(["secrets", "rotate", "--batch-size", "2"]);
    expect(rotated).toEqual({
      code: 0,
      out:
        "Provider credentials: 5 re-encrypted, 0 already under the current key\n" +
        "Default tokens: 1 re-encrypted, 0 already under the current key\n" +
        "Every stored secret is now under ENCRYPTION_KEY; once every server runs with it, ENCRYPTION_KEY_PREVIOUS can be removed.",
    });
    const after = await storedCiphertexts();
    const oldKey = parseKey(OLD_KEY);
    const newKey = parseKey(NEW_KEY);
    const opened = after.map((sealed) => [openWithKey(sealed, oldKey), openWithKey(sealed, newKey)]);
    expect(opened.every(([underOld, underNew]) => underOld === null && underNew !== null)).toBe(true);
    expect(opened.map(([, plaintext]) => plaintext).sort()).toEqual([...CREDENTIALS.map((c) => c.key), alice.token].sort());

    const again = await cli(["secrets", "rotate", "--json"]);
    expect(JSON.parse(again.out)).toMatchObject({ credentials: { rotated: 0, alreadyCurrent: 5 }, tokens: { rotated: 0, alreadyCurrent: 1 } });
    expect(await storedCiphertexts()).toEqual(after);
  });

  it("leaves a gateway that knows only the new key serving every credential", async () => {
    useKeys(NEW_KEY);
    expect(await revealDefaultToken(alice.userId)).toBe(alice.token);
    // The embedded database admits one process at a time: hand it over to the new server.
    if (target.name === "embedded") await closeDatabase();
    const server = await spawnApiProcess({ ...target.processEnv(), ENCRYPTION_KEY: NEW_KEY, ENCRYPTION_KEY_PREVIOUS: "" });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${server.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      for (const { provider, key } of CREDENTIALS) {
        const model = { openai: "gpt-4o", anthropic: "claude-sonnet-4-5", mistral: "mistral-small-latest", groq: "llama-3.3-70b-versatile", deepseek: "deepseek-chat" }[provider];
        const response = await post("/v1/chat/completions", { model: `${provider}/${model}`, messages: [{ role: "user", content: "hi" }] });
        expect(response.status, `${provider}: ${await response.clone().text()}`).toBe(200);
        expect(gateway.fake.requests.at(-1)?.credential).toBe(key);
      }
    } finally {
      await server.stop();
      if (target.name === "embedded") await installDatabase(target);
    }
  }, 60_000);
});
