import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, db } from "@/lib/db";
import { rawQuery } from "@/lib/db/raw-query";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const storedCount = async (userId: string) => (await db()).storedResponse.count({ where: { userId } });

describe.each(databaseTargets())("stored responses on $name", (target) => {
  let gateway: Gateway;
  let alice: { client: OpenAI; userId: string };
  let bob: { client: OpenAI; userId: string };

  beforeAll(async () => {
    gateway = await startGateway(target);
    const connect = async (email: string) => {
      const user = await gateway.newUser(email, [{ provider: "anthropic", key: `sk-ant-api03-${email}` }, { provider: "openai", key: `sk-openai-${email}` }]);
      return { userId: user.userId, client: new OpenAI({ apiKey: user.token, baseURL: `${gateway.url}/v1`, maxRetries: 0 }) };
    };
    alice = await connect("alice-responses@example.com");
    bob = await connect("bob-responses@example.com");
  });
  afterAll(() => gateway?.close());

  it("keeps a response for the account that made it only: another gets 404 for every use of its id", async () => {
    const mine = await alice.client.responses.create({ model: "anthropic/claude-sonnet-4-5", input: "private turn" });
    const notFound = { status: 404 };
    await expect(bob.client.responses.retrieve(mine.id)).rejects.toMatchObject(notFound);
    await expect(bob.client.responses.inputItems.list(mine.id)).rejects.toMatchObject(notFound);
    await expect(bob.client.responses.delete(mine.id)).rejects.toMatchObject(notFound);
    await expect(bob.client.responses.create({ model: "anthropic/claude-sonnet-4-5", previous_response_id: mine.id, input: "steal" })).rejects.toMatchObject({ ...notFound, code: "previous_response_not_found" });
    expect((await alice.client.responses.retrieve(mine.id)).output_text).toBe("Echo: private turn");
    const foreign = await bob.client.responses.retrieve(mine.id).catch((e) => e);
    expect(foreign.error).toMatchObject({ type: "not_found_error", message: `Response with id '${mine.id}' not found.` });
  });

  it("keeps nothing with store: false, streamed or not, beyond the usage row", async () => {
    const before = await storedCount(alice.userId);
    const plain = await alice.client.responses.create({ model: "anthropic/claude-sonnet-4-5", input: "forget me", store: false });
    const streamed = await alice.client.responses.stream({ model: "openai/gpt-4o", input: "forget me too", store: false }).finalResponse();
    expect([plain, streamed].map((r) => (r as { store?: boolean }).store)).toEqual([false, false]);
    expect(await storedCount(alice.userId)).toBe(before);
    await expect(alice.client.responses.retrieve(plain.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(alice.client.responses.create({ model: "anthropic/claude-sonnet-4-5", previous_response_id: streamed.id, input: "x" })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("continues a streamed response, passed through or translated, showing the id it continued", async () => {
    for (const model of ["openai/gpt-4o", "anthropic/claude-sonnet-4-5"]) {
      const first = await alice.client.responses.stream({ model, input: "streamed first" }).finalResponse();
      const stream = alice.client.responses.stream({ model, input: "streamed second", previous_response_id: first.id });
      const created: unknown[] = [];
      stream.on("response.created", (event) => created.push(event.response.previous_response_id));
      const second = await stream.finalResponse();
      expect(created, model).toEqual([first.id]);
      expect(second.previous_response_id, model).toBe(first.id);
      expect((await alice.client.responses.inputItems.list(second.id)).data.length, model).toBe(3);
    }
  });

  it.runIf(target.name === "postgres")("ends a stream only once its response is stored, so the next request can continue it", async () => {
    const pool = (await database()).pool!;
    for (const model of ["openai/gpt-4o", "anthropic/claude-sonnet-4-5"]) {
      // The table is locked: the answer arrives, its row cannot be written yet.
      const lock = await pool.connect();
      await lock.query(`BEGIN; LOCK TABLE "StoredResponse" IN EXCLUSIVE MODE`);
      let ended = false;
      let done: Promise<OpenAI.Responses.Response>;
      try {
        const stream = alice.client.responses.stream({ model, input: "store me first" });
        done = stream.finalResponse().finally(() => (ended = true));
        await new Promise((resolve) => stream.on("response.completed", resolve));
        const waiting = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "StoredResponse"%'`;
        await expect.poll(() => rawQuery<{ n: number }>(waiting, []).then(([row]) => row.n)).toBe(1);
        expect(ended, model).toBe(false);
      } finally {
        await lock.query("COMMIT");
        lock.release();
      }
      const answer = await done;
      expect((await alice.client.responses.retrieve(answer.id)).output_text, model).toBe("Echo: store me first");
    }
  });

  it("stores text with a NUL character, which PostgreSQL's jsonb cannot hold, as U+FFFD", async () => {
    const answer = await alice.client.responses.create({ model: "anthropic/claude-sonnet-4-5", input: "nul\u0000byte" });
    expect(answer.output_text).toBe("Echo: nul\u0000byte");
    expect((await alice.client.responses.retrieve(answer.id)).output_text).toBe("Echo: nul\ufffdbyte");
  });

  it("forgets a response after 30 days", async () => {
    const old = await alice.client.responses.create({ model: "anthropic/claude-sonnet-4-5", input: "long ago" });
    const [row] = await rawQuery<{ days: number }>(`SELECT round(extract(epoch FROM "expiresAt" - "createdAt") / 86400)::int AS days FROM "StoredResponse" WHERE "userId" = $1 AND "id" = $2`, [alice.userId, old.id]);
    expect(row.days).toBe(30);
    await rawQuery(`UPDATE "StoredResponse" SET "expiresAt" = "createdAt" - interval '1 second' WHERE "userId" = $1 AND "id" = $2`, [alice.userId, old.id]);
    await expect(alice.client.responses.retrieve(old.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(alice.client.responses.create({ model: "anthropic/claude-sonnet-4-5", previous_response_id: old.id, input: "x" })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses to store an input over 4 MB, saying to send it with store: false", async () => {
    const before = gateway.fake.requests.length;
    const huge = "word ".repeat(900_000);
    const refused = await alice.client.responses.create({ model: "anthropic/claude-sonnet-4-5", input: huge }).catch((e) => e);
    expect(refused).toMatchObject({ status: 400, param: "store", message: expect.stringContaining("store: false") });
    expect(gateway.fake.requests.length).toBe(before);
  });
});

describe("custom OpenAI-compatible endpoints", () => {
  let gateway: Gateway;
  afterAll(() => gateway?.close());

  it("get the Responses request itself when they have /responses, and chat completions when they do not", async () => {
    gateway = await startGateway(databaseTargets()[1]);
    const client = async (email: string, path: string) => {
      const { token } = await gateway.newUser(email, [{ provider: "custom", key: "local-key-123456", baseUrl: `${gateway.fake.url}${path}` }]);
      return new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    };
    const withResponses = await client("custom-responses@example.com", "/vllm/v1");
    expect((await withResponses.responses.create({ model: "custom/qwen3", input: "native" })).output_text).toBe("Echo: native");
    expect(gateway.fake.requests.at(-1)).toMatchObject({ path: "/vllm/v1/responses", model: "qwen3" });

    gateway.fake.setFault({ mode: "status:404", match: { path: "/ollama/v1/responses" } });
    const without = await client("custom-chat-only@example.com", "/ollama/v1");
    const paths = () => gateway.fake.requests.slice(-2).map((r) => [r.path, r.status]);
    expect((await without.responses.create({ model: "custom/llama3.2", input: "translated" })).output_text).toBe("Echo: translated");
    expect(paths()).toEqual([["/ollama/v1/responses", 404], ["/ollama/v1/chat/completions", 200]]);
    const streamed = await without.responses.stream({ model: "custom/llama3.2", input: "asked once" }).finalResponse();
    expect(streamed.output_text).toBe("Echo: asked once");
    expect(gateway.fake.requests.at(-1)!.path).toBe("/ollama/v1/chat/completions");
    expect(gateway.fake.requests.at(-2)!.path).toBe("/ollama/v1/chat/completions");
  });
});
