import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const chat = { model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] };

// Issue 17 item 10: a token in a URL ends up in access logs, proxies and browser history, so only
// the dialect that requires it (Gemini's ?key=) may carry one there.
describe("tokens in the query string are refused except on Gemini's /v1beta", () => {
  let gateway: Gateway;
  let token: string;
  let mgmt: string;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const user = await gateway.newUser("query-token@example.com", [{ provider: "openai", key: "sk-query-openai" }, { provider: "google", key: "AIza-query-google" }]);
    token = user.token;
    mgmt = (await createManagementKey(user.userId)).key;
  });
  afterAll(() => gateway?.close());

  const send = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });

  it("answers 401 with a clear message on /v1, /api/v1 and the management API, and nothing reaches a provider", async () => {
    const since = gateway.fake.requests.length;
    const post = { method: "POST", body: JSON.stringify(chat) };
    const attempts: Array<[string, RequestInit]> = [
      [`/v1/chat/completions?key=${token}`, post],
      [`/api/v1/chat/completions?key=${token}`, post],
      [`/v1/chat/completions?api_key=${token}`, post],
      [`/v1/chat/completions?%6Bey=${token}`, post],
      // A header token does not make the leaked copy in the URL acceptable.
      [`/v1/chat/completions?key=${token}`, { ...post, headers: { authorization: `Bearer ${token}` } }],
      [`/v1/embeddings?key=${token}`, { method: "POST", body: JSON.stringify({ model: "openai/text-embedding-3-small", input: "hi" }) }],
      [`/v1/models?key=${token}`, {}],
      [`/api/v1/key?key=${token}`, {}],
      [`/api/v1/generation?id=gen-1&key=${token}`, {}],
      [`/api/v1/keys?key=${mgmt}`, {}],
      [`/api/v1/keys?token=${mgmt}`, {}],
    ];
    for (const [path, init] of attempts) {
      const response = await send(path, init);
      expect(response.status, path).toBe(401);
      expect((await response.json()).error, path).toMatchObject({ type: "authentication_error", message: expect.stringMatching(/not accepted in the query string.*\/v1beta/) });
    }
    const messages = await send(`/v1/messages?key=${token}`, { method: "POST", body: JSON.stringify({ model: "openai/gpt-4o", max_tokens: 8, messages: chat.messages }) });
    expect(messages.status).toBe(401);
    expect(await messages.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    expect(gateway.fake.requests.length).toBe(since);
  });

  it("an OpenAI SDK configured with the token as a default query parameter gets an AuthenticationError", async () => {
    const client = new OpenAI({ apiKey: "unused", baseURL: `${gateway.url}/v1`, defaultQuery: { key: token }, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 401 });
    // The same client with the token where it belongs goes through.
    const proper = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    expect((await proper.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] })).choices[0].message.content).toBeTruthy();
  });

  it("keeps ?key= on the Gemini-native endpoints, where Google's dialect requires it", async () => {
    const response = await send(`/v1beta/models/gemini-2.5-flash:generateContent?key=${token}`, { method: "POST", body: JSON.stringify({ contents: [{ parts: [{ text: "hi" }] }] }) });
    expect(response.status).toBe(200);
    expect((await response.json()).candidates).toHaveLength(1);
  });
});
