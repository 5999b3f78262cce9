import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import type { Database } from "@/lib/db";
import { baseUrlEnvName } from "@/lib/providers/registry";
import { createUser } from "@/lib/services/users/create-user";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { databaseTargets, installDatabase, uninstallDatabase, type DatabaseTarget } from "@/test/support/databases";
import { fakeUpstreamEnv } from "@/test/support/gateway-harness";
import { addCheckedCredential } from "./add-checked-credential";
import { CHECKS_PER_HOUR, checkCredential } from "./check-credential";
import { recheckCredential } from "./recheck-credential";

/** A loopback port with nothing listening: a provider that cannot be reached. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}


describe.each(databaseTargets())("adding a credential checks it with the provider first, on $name", (target: DatabaseTarget) => {
  let database: Database;
  let fake: FakeUpstream;
  let userId: string;
  const saved = () => database.prisma.providerCredential.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    fake = await startFakeUpstream();
    Object.assign(process.env, fakeUpstreamEnv(fake.url));
    process.env[baseUrlEnvName("mistral")] = `http://127.0.0.1:${await closedPort()}/v1`;
    resetEnvCache();
    database = await installDatabase(target);
    userId = (await createUser({ email: "checker@example.com", password: "password-123" })).user.id;
  });
  afterAll(async () => {
    for (const name of Object.keys(fakeUpstreamEnv(fake.url))) delete process.env[name];
    await fake.close();
    await uninstallDatabase(target);
  });
  beforeEach(async () => {
    fake.reset();
    await database.prisma.providerCredential.deleteMany({ where: { userId } });
  });

  it("saves a key the provider accepts, as verified, after one models listing with that key", async () => {
    const { credential, check } = await addCheckedCredential(userId, { provider: "openai", secret: "sk-proj-good-key-1111", label: "Work" });
    expect(check).toEqual({ result: "verified" });
    expect(credential).toMatchObject({ provider: "openai", label: "Work", masked: "••••1111", checkNote: null });
    expect(credential.verifiedAt).toBeInstanceOf(Date);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.credential}`)).toEqual(["GET /v1/models sk-proj-good-key-1111"]);
    expect(await saved()).toHaveLength(1);
  });

  it("does not save a key the provider refuses, and says what the provider said", async () => {
    const refused = addCheckedCredential(userId, { provider: "openai", secret: "sk-proj-invalid-2222" });
    await expect(refused).rejects.toMatchObject({ status: 400, param: "secret", code: "credential_refused", metadata: { provider: "openai", status: 401 } });
    await expect(refused).rejects.toThrow(/^OpenAI refused this key \(401\): Incorrect API key provided: sk-pro\*+2222\. You can find your API key at https:\/\/platform\.openai\.com\/account\/api-keys\. Nothing was saved\.$/);
    await expect(addCheckedCredential(userId, { provider: "anthropic", secret: "sk-ant-api03-forbidden-3333" })).rejects.toThrow(/^Anthropic refused this key \(403\): Your API key does not have permission/);
    expect(await saved()).toEqual([]);
  });

  it("counts Google's 400 API_KEY_INVALID as a refusal", async () => {
    fake.setFault({ mode: "invalid-key", match: { credential: "AIzaRevokedKey-4444" } });
    await expect(addCheckedCredential(userId, { provider: "google", secret: "AIzaRevokedKey-4444" })).rejects.toThrow(/^Google Gemini refused this key \(400\): API key not valid\. Please pass a valid API key\./);
    expect(await saved()).toEqual([]);
  });

  it("saves the credential as not verified when the provider cannot be reached or cannot answer", async () => {
    const unreachable = await addCheckedCredential(userId, { provider: "mistral", secret: "mistral-key-unreachable-5555" });
    expect(unreachable.check.result).toBe("unverified");
    expect(unreachable.credential.checkNote).toBe("Not verified: Mistral could not be reached (ECONNREFUSED).");
    expect(unreachable.credential.verifiedAt).toBeNull();

    const failing = await addCheckedCredential(userId, { provider: "groq", secret: "gsk_servererror-6666" });
    expect(failing.credential.checkNote).toMatch(/^Not verified: Groq answered 500 \(/);
    const limited = await addCheckedCredential(userId, { provider: "xai", secret: "xai-ratelimited-7777" });
    expect(limited.credential.checkNote).toMatch(/^Not verified: xAI is rate-limiting this credential right now/);

    const rows = await saved();
    expect(rows.map((r) => [r.provider, r.status, r.verifiedAt])).toEqual([["mistral", "active", null], ["groq", "active", null], ["xai", "active", null]]);
  });

  it("does not try subscription tokens or custom endpoints, and says so", async () => {
    const oauth = await addCheckedCredential(userId, { provider: "anthropic", secret: "sk-ant-oat01-subscription-8888" });
    expect(oauth.credential.kind).toBe("oauth_token");
    expect(oauth.credential.checkNote).toBe("Not verified: subscription (OAuth) tokens are not tried before saving; the first request through it shows whether Anthropic accepts it.");
    const custom = await addCheckedCredential(userId, { provider: "custom", secret: "local-key-9999", baseUrl: `${fake.url}/v1` });
    expect(custom.credential.checkNote).toMatch(/^Not verified: custom endpoints have no standard check/);
    expect(fake.requests).toEqual([]);
  });

  it("gives up on a provider that does not answer in time", async () => {
    fake.setFault({ mode: "slow:3000", match: { path: "/v1/models" } });
    const check = await checkCredential({ provider: "openai", secret: "sk-proj-slow-1010", kind: "api_key", baseUrl: null, accountId: null }, 1000);
    expect(check).toEqual({ result: "unverified", note: "Not verified: OpenAI did not answer within 1 s." });
  });

  it("checks a saved credential again: accepted puts it back in use, refused keeps it marked with the new message", async () => {
    const { credential } = await addCheckedCredential(userId, { provider: "openai", secret: "sk-proj-recheck-1212" });
    await database.prisma.providerCredential.update({ where: { id: credential.id }, data: { status: "invalid", lastError: "Incorrect API key provided", lastErrorAt: new Date() } });
    expect((await recheckCredential(userId, credential.id)).check).toEqual({ result: "verified" });
    expect(await database.prisma.providerCredential.findUniqueOrThrow({ where: { id: credential.id } })).toMatchObject({ status: "active", lastError: null });

    fake.setFault({ mode: "invalid-key", match: { credential: "sk-proj-recheck-1212" } });
    expect((await recheckCredential(userId, credential.id)).check).toMatchObject({ result: "refused", status: 401 });
    expect(await database.prisma.providerCredential.findUniqueOrThrow({ where: { id: credential.id } })).toMatchObject({ status: "invalid", lastError: expect.stringContaining("Incorrect API key provided") });

    const stranger = (await createUser({ email: "stranger@example.com", password: "password-123" })).user.id;
    await expect(recheckCredential(stranger, credential.id)).rejects.toMatchObject({ status: 404 });
  });

  it("limits how many credentials one account can have checked in an hour", async () => {
    const busy = (await createUser({ email: "key-tester@example.com", password: "password-123" })).user.id;
    for (let i = 0; i < CHECKS_PER_HOUR; i++) await expect(addCheckedCredential(busy, { provider: "openai", secret: `sk-proj-invalid-${i}-key` })).rejects.toMatchObject({ code: "credential_refused" });
    await expect(addCheckedCredential(busy, { provider: "openai", secret: "sk-proj-one-more-key" })).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/^Too many credential check attempts; try again in \d+ s$/) });
    expect(fake.requests).toHaveLength(CHECKS_PER_HOUR);
  });
});
