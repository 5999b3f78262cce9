import { GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

describe("Gemini-native embeddings and models through the Google GenAI SDK", () => {
  let gateway: Gateway;
  let token: string;
  let userId: string;
  let ai: GoogleGenAI;
  const messagesUsed = async () => (await (await fetch(`${gateway.url}/api/v1/key`, { headers: { authorization: `Bearer ${token}` } })).json()).data.messages.used as number;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token, userId } = await gateway.newUser("gemini-native@example.com", [
      { provider: "google", key: "AIza-native-embed" },
      { provider: "openai", key: "sk-openai-native-embed" },
      { provider: "anthropic", key: "sk-ant-api03-native-embed" },
    ]));
    ai = new GoogleGenAI({ apiKey: token, httpOptions: { baseUrl: gateway.url } });
  });
  afterAll(() => gateway?.close());

  it("embedContent over a Gemini model sends Google's batch request with the caller's key, task type and size", async () => {
    const before = await messagesUsed();
    const answer = await ai.models.embedContent({ model: "gemini-embedding-001", contents: ["first text", "second text"], config: { taskType: "RETRIEVAL_DOCUMENT", outputDimensionality: 4 } });
    expect(answer.embeddings?.map((e) => e.values?.length)).toEqual([4, 4]);
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.path).toBe("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    expect(sent.credential).toBe("AIza-native-embed");
    expect(sent.body.requests).toEqual([
      { model: "models/gemini-embedding-001", content: { parts: [{ text: "first text" }] }, taskType: "RETRIEVAL_DOCUMENT", outputDimensionality: 4 },
      { model: "models/gemini-embedding-001", content: { parts: [{ text: "second text" }] }, taskType: "RETRIEVAL_DOCUMENT", outputDimensionality: 4 },
    ]);
    expect(await messagesUsed()).toBe(before);
    await usageWriter().flush();
    const rows = await (await db()).usageEvent.findMany({ where: { userId, endpoint: "embeddings", provider: "google" } });
    expect(rows).toEqual([expect.objectContaining({ status: 200, countedMessage: false })]);
  });

  it("embedContent over an OpenAI embedding model, and :embedContent in Google's wire format with ?key=", async () => {
    const answer = await ai.models.embedContent({ model: "openai/text-embedding-3-small", contents: "hello vectors", config: { outputDimensionality: 3 } });
    expect(answer.embeddings).toEqual([{ values: [0.01, 0.011, 0.012] }]);
    expect(gateway.fake.requests.at(-1)!.body).toMatchObject({ model: "text-embedding-3-small", input: ["hello vectors"], dimensions: 3, encoding_format: "float" });

    const single = await fetch(`${gateway.url}/v1beta/models/openai%2Ftext-embedding-3-small:embedContent?key=${token}`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ content: { parts: [{ text: "one" }, { text: "two" }] } }),
    });
    expect(single.status).toBe(200);
    expect(await single.json()).toEqual({ embedding: { values: [0.01, 0.011, 0.012, 0.013, 0.014, 0.015, 0.016, 0.017] } });
    expect(gateway.fake.requests.at(-1)!.body.input).toEqual(["one\ntwo"]);
  });

  it("answers what cannot be embedded in Google's error shape, before any upstream call", async () => {
    const sentBefore = gateway.fake.requests.length;
    const post = (path: string, body: unknown) => fetch(`${gateway.url}/v1beta/models/${path}`, { method: "POST", headers: { "x-goog-api-key": token, "content-type": "application/json" }, body: JSON.stringify(body) });
    const image = await post("gemini-embedding-001:embedContent", { content: { parts: [{ inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } }] } });
    expect(image.status).toBe(400);
    expect((await image.json()).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT", message: expect.stringContaining("Only text parts") });
    const chatOnly = await post("anthropic%2Fclaude-sonnet-4-5:embedContent", { content: { parts: [{ text: "x" }] } });
    expect(chatOnly.status).toBe(400);
    expect((await chatOnly.json()).error.message).toContain("No configured provider offers embeddings");
    const mixed = await post("gemini-embedding-001:batchEmbedContents", { requests: [{ content: { parts: [{ text: "a" }] }, taskType: "RETRIEVAL_QUERY" }, { content: { parts: [{ text: "b" }] } }] });
    expect(mixed.status).toBe(400);
    const noKey = await fetch(`${gateway.url}/v1beta/models/gemini-embedding-001:embedContent`, { method: "POST", body: JSON.stringify({ content: { parts: [{ text: "x" }] } }) });
    expect(noKey.status).toBe(401);
    expect((await noKey.json()).error.status).toBe("UNAUTHENTICATED");
    expect(gateway.fake.requests.length).toBe(sentBefore);
  });

  it("models.list pages through the caller's models in Google's shape, and models.get reads one", async () => {
    const names: string[] = [];
    const pager = await ai.models.list({ config: { pageSize: 5 } });
    expect(pager.page.length).toBe(5);
    for await (const model of pager) names.push(model.name!);
    const openAiList = await (await fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(names).toHaveLength(openAiList.total_count);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["models/gemini-2.5-flash", "models/anthropic/claude-sonnet-4-5", "models/openai/text-embedding-3-small"]));
    expect(names.some((name) => name.startsWith("models/mistral/"))).toBe(false);

    const claude = await ai.models.get({ model: "anthropic/claude-sonnet-4-5" });
    expect(claude).toMatchObject({ name: "models/anthropic/claude-sonnet-4-5", displayName: "Claude Sonnet 4.5", inputTokenLimit: 200000, supportedActions: ["generateContent", "streamGenerateContent", "countTokens"] });
    const embedder = await ai.models.get({ model: "gemini-embedding-001" });
    expect(embedder.supportedActions).toEqual(["embedContent", "batchEmbedContents"]);
    const missing = await fetch(`${gateway.url}/v1beta/models/mistral%2Fmistral-large-latest?key=${token}`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.status).toBe("NOT_FOUND");
    const badToken = await fetch(`${gateway.url}/v1beta/models?key=${token}&pageToken=not-a-token`);
    expect(badToken.status).toBe(400);
  });
});
