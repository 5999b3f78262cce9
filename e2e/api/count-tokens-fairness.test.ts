import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { COUNT_TOKENS_PER_MINUTE } from "@/lib/gateway/count-tokens/count-request-tokens";
import { tokenizerBacklog } from "@/lib/usage/count-tokens";
import { usageWriter } from "@/lib/usage/usage-writer";
import { cjkText } from "@/test/support/attack-inputs";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { readSseEvents } from "@/test/support/sse-events";

describe("count_tokens: bounded, rate-limited, cancellable, and fair to other accounts", () => {
  let gateway: Gateway;
  let heavy: { userId: string; token: string };
  let light: { userId: string; token: string };

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    heavy = await gateway.newUser("count-heavy@example.com", [{ provider: "anthropic", key: "sk-ant-api03-count-heavy" }]);
    light = await gateway.newUser("count-light@example.com", [{ provider: "anthropic", key: "sk-ant-api03-count-light" }, { provider: "mistral", key: "mistral-count-light" }]);
  });
  afterAll(() => gateway?.close());

  const countTokens = (token: string, text: string, signal?: AbortSignal) =>
    fetch(`${gateway.url}/v1/messages/count_tokens`, {
      method: "POST",
      headers: { "x-api-key": token, "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: text }] }),
      signal,
    });

  it("refuses a body over 4 MB with a 413 in the dialect's shape (Anthropic and Gemini)", async () => {
    const big = "word ".repeat(900_000);
    const anthropic = await countTokens(light.token, big);
    expect(anthropic.status).toBe(413);
    expect(await anthropic.json()).toMatchObject({ type: "error", error: { type: "request_too_large" } });
    const gemini = await fetch(`${gateway.url}/v1beta/models/gemini-2.5-flash:countTokens`, {
      method: "POST",
      headers: { "x-goog-api-key": light.token, "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ parts: [{ text: big }] }] }),
    });
    expect(gemini.status).toBe(413);
    expect(await gemini.json()).toMatchObject({ error: { code: 413, status: "INVALID_ARGUMENT" } });
  });

  it("one account's slow count neither delays another's count or stream, and is dropped when its client leaves", async () => {
    // About 2 MB of text the tokenizer takes seconds over: the heavy account's count is still under way…
    const leaving = new AbortController();
    const heavyCount = countTokens(heavy.token, cjkText(700_000), leaving.signal).catch((error: Error) => error);
    await expect.poll(() => tokenizerBacklog(heavy.userId), { timeout: 20_000 }).toBeGreaterThan(0);

    // …while another account's count and a stream whose provider reports no usage are answered.
    const hello = await countTokens(light.token, "Hello, world!");
    expect(hello.status).toBe(200);
    expect((await hello.json()).input_tokens).toBe(3 + 4 + 4);
    const stream = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${light.token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "mistral/mistral-large-latest", stream: true, messages: [{ role: "user", content: "count these words" }] }),
    });
    const events = readSseEvents(await stream.text());
    expect(events.at(-1)!.data).toBe("[DONE]");
    expect((events.at(-2)!.json as { usage?: { completion_tokens: number } }).usage?.completion_tokens).toBeGreaterThan(0);
    expect(tokenizerBacklog(heavy.userId)).toBeGreaterThan(0);

    // The heavy client leaves: its remaining text is never counted.
    leaving.abort();
    expect(await heavyCount).toBeInstanceOf(Error);
    await expect.poll(() => tokenizerBacklog(heavy.userId), { timeout: 10_000 }).toBe(0);

    // The stream's usage row is counted with the tokenizer, off the response path.
    await usageWriter().flush();
    const row = await (await db()).usageEvent.findUniqueOrThrow({ where: { id: stream.headers.get("x-generation-id")! } });
    expect(row.completionTokens).toBeGreaterThan(0);
  }, 60_000);

  it(`counts as a request: ${COUNT_TOKENS_PER_MINUTE} a minute per account, then 429 in the dialect's shape`, async () => {
    const { token } = await gateway.newUser("count-rate@example.com");
    for (let n = 0; n < COUNT_TOKENS_PER_MINUTE; n++) {
      const response = await countTokens(token, "hi");
      if (response.status !== 200) throw new Error(`count ${n} answered ${response.status}: ${await response.text()}`);
    }
    const refused = await countTokens(token, "hi");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    // Another account is not limited by it.
    expect((await countTokens(light.token, "hi")).status).toBe(200);
  });
});
