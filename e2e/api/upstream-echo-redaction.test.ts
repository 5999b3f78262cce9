import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { captureLogs } from "@/lib/observability/logger";
import { usageSummary } from "@/lib/services/usage/usage-summary";
import { toUsageJson, usageFilters } from "@/lib/services/usage/usage-json";
import { echoedForms } from "@/test/support/attack-inputs";
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
    // A refusal that names no code: one refusal keeps the credential in service (a 502 with the body).
    gateway.fake.setFault({ mode: "status:401", times: 1, message: `Invalid API key: ${OPENAI_KEY} (check ${OPENAI_KEY})`, code: null });
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

// A key with characters escaping and encoding change, so every derived form differs from it.
const ODD_KEY = "sk-echo/ab+cd=ef_0123456789-e1f0";

describe("a provider that echoes the credential in another form, in any path its words take", () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
  });
  afterAll(() => gateway?.close());

  const echo = Object.values(echoedForms(ODD_KEY)).join(" | ");
  const leaks = (text: string) => Object.entries(echoedForms(ODD_KEY)).filter(([, form]) => text.includes(form)).map(([name]) => name);
  const CASES = [
    { name: "an HTTP error, translated", mode: "status:401", path: "/v1/chat/completions", body: { model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] } },
    { name: "an in-stream error, translated", mode: "error-mid-stream:2", path: "/v1/chat/completions", body: { model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "hi" }] } },
    { name: "a Gemini in-stream error, translated", mode: "error-mid-stream:1", path: "/v1/chat/completions", body: { model: "google/gemini-2.5-flash", stream: true, messages: [{ role: "user", content: "hi" }] } },
    { name: "an in-stream error passed through", mode: "error-mid-stream:2", path: "/v1/messages", body: { model: "claude-sonnet-4-5", stream: true, max_tokens: 16, messages: [{ role: "user", content: "hi" }] } },
    { name: "a Gemini in-stream error passed through", mode: "error-mid-stream:1", path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", body: { contents: [{ parts: [{ text: "hi" }] }] } },
  ];

  for (const [n, { name, mode, path, body }] of CASES.entries()) {
    it(`${name}: masked in the answer, the stored error, /api/v1/generation, Usage and the log`, async () => {
      const user = await gateway.newUser(`echo-forms-${n}@example.com`, ["openai", "anthropic", "google"].map((provider) => ({ provider, key: ODD_KEY })));
      const logs = captureLogs();
      try {
        gateway.fake.reset();
        gateway.fake.setFault({ mode, times: 1, message: `bad key: ${echo}` });
        const response = await fetch(`${gateway.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
        const text = await response.text();
        expect(text).toContain("••••e1f0");
        expect(leaks(text)).toEqual([]);
        const id = response.headers.get("x-generation-id")!;
        const generation = await fetch(`${gateway.url}/api/v1/generation?id=${id}`, { headers: { authorization: `Bearer ${user.token}` } });
        const stored = await generation.text();
        expect(JSON.parse(stored).data.error_message).toContain("••••e1f0");
        expect(leaks(stored)).toEqual([]);
        const account = await (await db()).user.findUniqueOrThrow({ where: { id: user.userId } });
        const filters = usageFilters(new URLSearchParams(""));
        expect(leaks(JSON.stringify(toUsageJson(await usageSummary(account, filters), filters)))).toEqual([]);
        expect(leaks(JSON.stringify(logs.lines()))).toEqual([]);
        expect(leaks(JSON.stringify(await (await db()).providerCredential.findMany({ where: { userId: user.userId }, select: { lastError: true } })))).toEqual([]);
      } finally {
        logs.restore();
      }
    });
  }
});
