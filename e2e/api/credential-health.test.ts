import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { closeDatabase, db } from "@/lib/db";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { startBackgroundRechecks, stopBackgroundRechecks } from "@/lib/services/credentials/background-rechecks";
import { recheckDueCredentials } from "@/lib/services/credentials/recheck-due-credentials";
import { databaseTargets, installDatabase, type DatabaseTarget } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// Short steps so the background checks happen within a test: 0.4 s, 1.2 s, then every 2.4 s.
const BACKOFF_MS = [400, 1_200, 2_400];
const hi = [{ role: "user" as const, content: "hi" }];

/** fetch for the SDKs, counting the requests that reach our server (retries included). */
function countingFetch(): { calls: number; fetch: typeof fetch } {
  const counter = { calls: 0, fetch };
  counter.fetch = (input, init) => (counter.calls++, fetch(input, init));
  return counter;
}

describe.each(databaseTargets())("credential health on $name", (target: DatabaseTarget) => {
  let gateway: Gateway;
  beforeAll(async () => {
    process.env.CREDENTIAL_RECHECK_BACKOFF_MS = BACKOFF_MS.join(",");
    gateway = await startGateway(target);
  });
  afterAll(async () => {
    await gateway?.close();
    delete process.env.CREDENTIAL_RECHECK_BACKOFF_MS;
    resetEnvCache();
  });

  async function userWith(email: string, key: string, label?: string) {
    const { userId, token } = await gateway.newUser(email);
    const credential = await addCredential(userId, { provider: "openai", secret: key, label });
    const stored = async () => (await db()).providerCredential.findUniqueOrThrow({ where: { id: credential.id } });
    return { userId, token, stored, client: new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 }) };
  }
  const modelChecks = (key: string) => gateway.fake.requests.filter((r) => r.credential === key && r.path === "/v1/models").length;

  it("keeps a working credential in service through one refusal, and takes it out after three in a short window", async () => {
    const key = "sk-proj-health-flaky-1111";
    const { client, stored } = await userWith("flaky@example.com", key);
    expect((await client.chat.completions.create({ model: "openai/gpt-4o", messages: hi })).choices[0].message.content).toBe("Echo: hi");

    // A 401 that does not say the key is invalid (a proxy in between, a provider incident).
    const proxy401 = { mode: "status:401", message: "Unauthorized", code: null, match: { credential: key, path: "/chat/completions" } };
    gateway.fake.setFault({ ...proxy401, times: 1 });
    const refused = await client.chat.completions.create({ model: "openai/gpt-4o", messages: hi }).catch((e) => e);
    expect(refused.status).toBe(502);
    expect(refused.error).toMatchObject({ code: "upstream_auth", metadata: { status: 401, raw: { error: { message: "Unauthorized" } } } });
    await expect.poll(stored).toMatchObject({ status: "active", refusals: 1, lastError: "Unauthorized" });
    expect((await client.chat.completions.create({ model: "openai/gpt-4o", messages: hi })).choices[0].message.content).toBe("Echo: hi");
    // A success starts the count again.
    await expect.poll(stored).toMatchObject({ status: "active", refusals: 0 });

    gateway.fake.setFault({ ...proxy401, times: 3 });
    // Its automatic check refused too, so it stays out while we look.
    gateway.fake.setFault({ mode: "status:401", match: { credential: key, path: "/v1/models" } });
    for (let i = 0; i < 3; i++) expect((await client.chat.completions.create({ model: "openai/gpt-4o", messages: hi }).catch((e) => e)).status).toBe(502);
    await expect.poll(stored).toMatchObject({ status: "invalid", refusals: 3, failedChecks: 0, nextCheckAt: expect.any(Date) });
    gateway.fake.reset();
  });

  it("takes a key the provider calls invalid out at once, names it in every dialect with a status no SDK retries, and brings it back by itself", async () => {
    const key = "sk-proj-health-revoked-2222";
    const { token, stored } = await userWith("revoked@example.com", key, "work");
    // OpenAI's own answer to a revoked key: 401 invalid_api_key, on every path (the check's model listing too).
    gateway.fake.setFault({ mode: "status:401", match: { credential: key } });

    const openaiCounter = countingFetch();
    const openai = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, fetch: openaiCounter.fetch });
    const named = await openai.chat.completions.create({ model: "openai/gpt-4o", messages: hi }).catch((e) => e);
    expect(named).toBeInstanceOf(OpenAI.APIError);
    expect(named.status).toBe(424);
    expect(named.error).toMatchObject({ type: "permission_error", code: "credentials_refused", metadata: { credentials: [{ provider: "openai", label: "work" }] } });
    expect(named.error.message).toMatch(
      /^Your OpenAI credential 'work' \(••••2222\) was refused by OpenAI at \d{4}-\d\d-\d\d \d\d:\d\d UTC: Incorrect API key provided: .+\. Fix it in Providers\. OauthRouter checks again by itself at \d\d:\d\d UTC\.$/,
    );
    expect(openaiCounter.calls).toBe(1);
    await expect.poll(stored).toMatchObject({ status: "invalid", nextCheckAt: expect.any(Date) });

    // Out of service now: the answer names it without trying the provider.
    const chatsBefore = gateway.fake.requests.filter((r) => r.path === "/v1/chat/completions").length;
    const anthropicCounter = countingFetch();
    const anthropic = new Anthropic({ apiKey: token, baseURL: gateway.url, fetch: anthropicCounter.fetch });
    const messages = await anthropic.messages.create({ model: "openai/gpt-4o", max_tokens: 16, messages: hi }).catch((e) => e);
    expect(messages).toBeInstanceOf(Anthropic.APIError);
    expect(messages.status).toBe(424);
    expect(messages.error).toMatchObject({ type: "error", error: { type: "permission_error", message: expect.stringContaining("Your OpenAI credential 'work' (••••2222) was refused by OpenAI") } });
    expect(anthropicCounter.calls).toBe(1);

    const genaiCounter = countingFetch();
    const genai = new GoogleGenAI({ apiKey: token, httpOptions: { baseUrl: gateway.url, retryOptions: { attempts: 3 }, fetch: genaiCounter.fetch } as never });
    const gemini = await genai.models.generateContent({ model: "openai/gpt-4o", contents: "hi" }).catch((e) => e);
    expect(gemini.status).toBe(424);
    expect(JSON.parse(gemini.message)).toMatchObject({ error: { code: 424, status: "PERMISSION_DENIED", message: expect.stringContaining("'work' (••••2222)") } });
    expect(genaiCounter.calls).toBe(1);

    const embeddings = await openai.embeddings.create({ model: "openai/text-embedding-3-small", input: "hi" }).catch((e) => e);
    expect(embeddings.status).toBe(424);
    expect(embeddings.error.code).toBe("credentials_refused");
    expect(gateway.fake.requests.filter((r) => r.path === "/v1/chat/completions").length).toBe(chatsBefore);

    // Still refused at the first automatic check: the next one waits for the backoff's second step.
    await expect.poll(stored, { timeout: 20_000 }).toMatchObject({ failedChecks: 1 });
    const afterFirst = await stored();
    expect(afterFirst.status).toBe("invalid");
    expect(afterFirst.nextCheckAt!.getTime() - afterFirst.lastErrorAt!.getTime()).toBeGreaterThanOrEqual(BACKOFF_MS[1] - 50);

    // The provider accepts the key again: the next automatic check returns it to service.
    gateway.fake.reset();
    await expect.poll(stored, { timeout: 20_000 }).toMatchObject({ status: "active", failedChecks: 0, nextCheckAt: null, lastError: null });
    const back = await openai.chat.completions.create({ model: "openai/gpt-4o", messages: hi });
    expect(back.choices[0].message.content).toBe("Echo: hi");
  });

  it("checks a due credential once however many instances look at the same time, and keeps the schedule over a restart", async () => {
    const key = "sk-proj-health-shared-3333";
    const { stored } = await userWith("shared@example.com", key);
    gateway.fake.setFault({ mode: "status:401", match: { credential: key } });
    const prisma = await db();
    // Out of service and due, with the background checks of this process paused.
    await stopBackgroundRechecks(true);
    const due = new Date(Date.now() - 1_000);
    await prisma.providerCredential.update({ where: { id: (await stored()).id }, data: { status: "invalid", nextCheckAt: due } });
    await Promise.all([recheckDueCredentials(), recheckDueCredentials(), recheckDueCredentials()]);
    expect(modelChecks(key)).toBe(1);
    expect(await stored()).toMatchObject({ status: "invalid", failedChecks: 1 });

    // The schedule lives in the database: reopened (as after a restart), it is still there and runs.
    const scheduled = (await stored()).nextCheckAt;
    await closeDatabase();
    await installDatabase(target);
    expect((await stored()).nextCheckAt).toEqual(scheduled);
    gateway.fake.reset();
    startBackgroundRechecks();
    await expect.poll(stored, { timeout: 20_000 }).toMatchObject({ status: "active", nextCheckAt: null });
  });
});
