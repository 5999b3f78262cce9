import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } },
};

describe("Claude through the OpenAI SDK", () => {
  let gateway: Gateway;
  let client: OpenAI;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const { token } = await gateway.newUser("claude@example.com", [{ provider: "anthropic", key: "sk-ant-api03-goodkey" }]);
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  it("answers and streams, with Anthropic's usage and finish reasons normalised", async () => {
    const answer = await client.chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages: [{ role: "system", content: "Be kind." }, { role: "user", content: "Hello Claude" }] });
    expect(answer.choices[0].message.content).toBe("Echo: Hello Claude");
    expect(answer.choices[0].finish_reason).toBe("stop");
    expect((answer.choices[0] as unknown as { native_finish_reason: string }).native_finish_reason).toBe("end_turn");
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.path).toBe("/v1/messages");
    expect(sent.headers["x-api-key"]).toBe("sk-ant-api03-goodkey");
    expect(sent.body).toMatchObject({ model: "claude-sonnet-4-5", max_tokens: 8192, system: [{ type: "text", text: "Be kind." }] });

    const stream = await client.chat.completions.create({ model: "claude-sonnet-4-5", stream: true, max_tokens: 3, messages: [{ role: "user", content: "one two three four five" }] });
    let text = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe("Echo: one two");
    expect(finish).toBe("length");
  });

  it("round-trips parallel tool calls and keeps thinking signatures for the next turn", async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "weather in two cities, parallel please" }];
    const first = await client.chat.completions
      .stream({ model: "anthropic/claude-sonnet-4-5", messages, tools: [weatherTool], reasoning_effort: "low" })
      .finalChatCompletion();
    const message = first.choices[0].message as OpenAI.ChatCompletionMessage & { reasoning?: string; reasoning_details?: unknown[] };
    expect(message.tool_calls?.map((c) => c.id)).toEqual(["toolu_fake0Paris", "toolu_fake1Tokyo"]);
    expect(first.choices[0].finish_reason).toBe("tool_calls");

    const nonStreamed = await client.chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages, tools: [weatherTool], reasoning_effort: "low" });
    const withThinking = nonStreamed.choices[0].message as typeof message;
    expect(withThinking.reasoning).toContain("step by step");
    messages.push(withThinking as OpenAI.ChatCompletionAssistantMessageParam, ...withThinking.tool_calls!.map((c) => ({ role: "tool" as const, tool_call_id: c.id, content: "sunny" })));
    const answer = await client.chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages, tools: [weatherTool], reasoning_effort: "low" });
    expect(answer.choices[0].message.content).toBe("The tool said: sunny");
    const sent = gateway.fake.requests.at(-1)!.body;
    expect(sent.messages[1].content[0]).toMatchObject({ type: "thinking", signature: expect.stringMatching(/^EqQB/) });
    expect(sent.messages[2].content.map((b: { type: string }) => b.type)).toEqual(["tool_result", "tool_result"]);
  });

  it("sends a Claude subscription token as Bearer with the oauth beta, and routes around a refused one", async () => {
    const { token, userId } = await gateway.newUser("oauth@example.com", [
      // "latest" tries the newest first: the refused one.
      { provider: "anthropic", key: "sk-ant-oat01-working-token" },
      { provider: "anthropic", key: "sk-ant-oat01-forbidden-token" },
    ]);
    const oauthClient = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const answer = await oauthClient.chat.completions.create(
      { model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "via subscription" }] },
      { headers: {} },
    );
    expect(answer.choices[0].message.content).toBe("Echo: via subscription");
    const [refused, served] = gateway.fake.requests.slice(-2);
    expect(refused.headers.authorization).toBe("Bearer sk-ant-oat01-forbidden-token");
    expect(served.headers.authorization).toBe("Bearer sk-ant-oat01-working-token");
    expect(served.headers["anthropic-beta"]).toBe("oauth-2025-04-20");
    expect(served.headers["x-api-key"]).toBeUndefined();
    // One policy refusal counts against the token, with Anthropic's message, but leaves it in service (README's rule).
    const counted = async () => (await db()).providerCredential.findFirst({ where: { userId, refusals: { gt: 0 } } });
    await expect.poll(counted).toMatchObject({ status: "active", refusals: 1, lastError: expect.stringContaining("not allowed") });
  });
});
