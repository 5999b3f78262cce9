import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import type { Database } from "@/lib/db";
import { createUser } from "@/lib/services/users/create-user";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { databaseTargets, installDatabase, uninstallDatabase, type DatabaseTarget } from "@/test/support/databases";
import { fakeUpstreamEnv } from "@/test/support/gateway-harness";
import { addCredential } from "./add-credential";
import { addCheckedCredential } from "./add-checked-credential";

describe.each(databaseTargets())("what Providers accepts as a key, and the names it gives, on $name", (target: DatabaseTarget) => {
  let database: Database;
  let fake: FakeUpstream;
  let userId: string;
  const labels = async () => (await database.prisma.providerCredential.findMany({ where: { userId }, orderBy: { priority: "asc" } })).map((c) => c.label);

  beforeAll(async () => {
    fake = await startFakeUpstream();
    Object.assign(process.env, fakeUpstreamEnv(fake.url));
    resetEnvCache();
    database = await installDatabase(target);
    userId = (await createUser({ email: "formats@example.com", password: "password-123" })).user.id;
  });
  afterAll(async () => {
    for (const name of Object.keys(fakeUpstreamEnv(fake.url))) delete process.env[name];
    await fake.close();
    await uninstallDatabase(target);
  });

  it.each([
    ["openai", "hello world this is not a key", "cannot contain spaces: paste the key alone"],
    ["openai", "••••••••9876", "can only contain plain letters, digits and punctuation (no •, curly quotes or accents)"],
    ["openai", "gsk_live-groq-key-4321", "does not look like an OpenAI key, which starts with sk-; it looks like a Groq key"],
    ["anthropic", "not-an-anthropic-key", "does not look like an Anthropic key, which starts with sk-ant-"],
    ["mistral", "short", "must be at least 8 characters"],
  ])("refuses %s key %j before asking the provider: %s", async (provider, secret, message) => {
    const before = fake.requests.length;
    await expect(addCheckedCredential(userId, { provider, secret })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["secret"], message })] });
    expect(fake.requests.length).toBe(before);
    expect(await labels()).toEqual([]);
  });

  it("refuses text with spaces from the operator CLI's path too, which does not hold keys to a provider's prefix", async () => {
    await expect(addCredential(userId, { provider: "openai", secret: "hello world this is not a key" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["secret"] })] });
    const stored = await addCredential(userId, { provider: "mistral", secret: "mistral-key-for-cli-0001" });
    await database.prisma.providerCredential.delete({ where: { id: stored.id } });
  });

  it("names unlabelled credentials of one provider apart: OpenAI, OpenAI 2, OpenAI 3", async () => {
    for (const secret of ["sk-proj-first-key-0001", "sk-proj-second-key-0002"]) await addCheckedCredential(userId, { provider: "openai", secret });
    await addCheckedCredential(userId, { provider: "openai", secret: "sk-proj-labelled-key-0003", label: "Work" });
    await addCheckedCredential(userId, { provider: "openai", secret: "sk-proj-third-key-0004" });
    await addCheckedCredential(userId, { provider: "groq", secret: "gsk_live-groq-key-0005" });
    expect(await labels()).toEqual(["OpenAI", "OpenAI 2", "Work", "OpenAI 3", "Groq"]);
  });
});
