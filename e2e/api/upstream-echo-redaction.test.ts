import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const OPENAI_KEY = "sk-proj-echoed-back-by-upstream-7c41";
const CALLERS_CLAUDE_TOKEN = "sk-ant-oat01-callers-own-echoed-9d02";

describe("a provider that echoes the credential it was sent", () => {
  let gateway: Gateway;
  let user: { userId: string; token: string };
  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    user = await gateway.newUser("echo@example.com", [{ provider: "openai", key: OPENAI_KEY }]);
  });
  afterAll(() => gateway?.close());

  it("never gets the credential back into our answer or the stored last error", async () => {
    gateway.fake.setFault({ mode: "status:401", times: 1, message: `Invalid API key: ${OPENAI_KEY} (check ${OPENAI_KEY})` });
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] }),
    });
    const text = await response.text();
    expect(text).toContain("Invalid API key: ••••7c41 (check ••••7c41)");
    expect(text).not.toContain(OPENAI_KEY);
    // OpenRouter's clients read the provider and its own error body from metadata: masked there too.
    expect(JSON.parse(text).error.metadata).toMatchObject({ provider_name: "OpenAI", raw: { error: { message: "Invalid API key: ••••7c41 (check ••••7c41)" } } });
    await expect.poll(async () => (await (await db()).providerCredential.findFirst({ where: { userId: user.userId } }))?.lastError).toContain("••••7c41");
    const stored = await (await db()).providerCredential.findFirstOrThrow({ where: { userId: user.userId } });
    expect(stored.lastError).not.toContain(OPENAI_KEY);
  });

  it("masks a pass-through caller's own token the same way", async () => {
    gateway.fake.setFault({ mode: "status:401", times: 1, message: `invalid x-api-key ${CALLERS_CLAUDE_TOKEN}` });
    const response = await fetch(`${gateway.url}/v1/messages`, {
      method: "POST",
      headers: { "x-oauthrouter-key": user.token, authorization: `Bearer ${CALLERS_CLAUDE_TOKEN}`, "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }),
    });
    const text = await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(text).toContain("••••9d02");
    expect(text).not.toContain(CALLERS_CLAUDE_TOKEN);
  });
});
