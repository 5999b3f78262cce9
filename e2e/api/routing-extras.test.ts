import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

describe("model resolution, fallbacks, paths and slow streams", () => {
  let gateway: Gateway;
  let client: OpenAI;
  let token: string;

  beforeAll(async () => {
    process.env.STREAM_KEEPALIVE_MS = "300";
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("extras@example.com", [
      { provider: "openai", key: "sk-openai-extras" },
      { provider: "google", key: "AIza-extras" },
    ]));
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    delete process.env.STREAM_KEEPALIVE_MS;
    resetEnvCache();
    await gateway?.close();
  });

  it("falls back to the next model of models[] when the first one's provider fails", async () => {
    gateway.fake.setFault({ mode: "status:503", match: { model: "gpt-4o" }, times: 5 });
    const answer = await client.chat.completions.create({ model: "openai/gpt-4o", models: ["google/gemini-2.5-flash"], messages: [{ role: "user", content: "fallback" }] } as never);
    expect((answer as OpenAI.ChatCompletion).choices[0].message.content).toBe("Echo: fallback");
    expect(gateway.fake.requests.at(-1)!.path).toBe("/v1beta/models/gemini-2.5-flash:generateContent");
    gateway.fake.reset();
  });

  it("serves OpenRouter-style /api/v1 paths", async () => {
    const router = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/api/v1`, maxRetries: 0 });
    const answer = await router.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "api path" }] });
    expect(answer.choices[0].message.content).toBe("Echo: api path");
  });

  it("lists and routes to models the user's own credentials list at their providers", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain("openai/fake-private-model");
    const answer = await client.chat.completions.create({ model: "fake-private-model", messages: [{ role: "user", content: "listed" }] });
    expect(answer.choices[0].message.content).toBe("Echo: listed");
  });

  it("fetches remote images and inlines them for Gemini", async () => {
    const url = `${gateway.fake.url}/images/cat.png`;
    await client.chat.completions.create({ model: "google/gemini-2.5-flash", messages: [{ role: "user", content: [{ type: "text", text: "what is this?" }, { type: "image_url", image_url: { url } }] }] });
    const parts = gateway.fake.requests.at(-1)!.body.contents[0].parts;
    expect(parts[1]).toEqual({ inlineData: { mimeType: "image/png", data: Buffer.from("89504e470d0a1a0a", "hex").toString("base64") } });
  });

  it("keeps a slow stream alive with comments until the first token", async () => {
    gateway.fake.setFault({ mode: "slow-first-token:1000", times: 1 });
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "slow one" }] }),
    });
    const text = await response.text();
    expect(text).toContain(": OAUTHROUTER PROCESSING");
    expect(text.indexOf(": OAUTHROUTER PROCESSING")).toBeLessThan(text.indexOf("data: {"));
    expect(text.trim().endsWith("data: [DONE]")).toBe(true);
  });
});
