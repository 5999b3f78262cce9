import { spawn } from "node:child_process";
import { request as httpRequest, Agent } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "./server";

describe("fake upstream server", () => {
  let fake: FakeUpstream;
  const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(fake.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  beforeAll(async () => {
    fake = await startFakeUpstream();
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it("records method, path, query, headers, body, credential and the outcome", async () => {
    await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=AIza-q", JSON.stringify({ contents: [{ role: "user", parts: [{ text: "hi" }] }] }), { "x-goog-api-key": "AIza-h" }).then((r) => r.text());
    const [record] = fake.requests;
    expect(record).toMatchObject({
      id: expect.any(Number), method: "POST", path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent", query: { alt: "sse", key: "AIza-q" },
      family: "gemini", model: "gemini-2.5-flash", credential: "AIza-h", stream: true, status: 200, clientDisconnected: false,
      body: { contents: [{ role: "user", parts: [{ text: "hi" }] }] },
    });
    expect(record.finishedAt).toBeGreaterThanOrEqual(record.receivedAt);
  });

  it("notes when the client disconnects from a stream, and when", async () => {
    const response = await post("/v1/chat/completions", JSON.stringify({ model: "gpt-4o", stream: true, messages: [{ role: "user", content: "a b c d e f g h" }] }), { authorization: "Bearer k", "x-fake-fault": "slow-tokens:100" });
    const reader = response.body!.getReader();
    await reader.read();
    const abortedAt = Date.now();
    await reader.cancel();
    const record = fake.requests.at(-1)!;
    // Eight tokens at 100 ms: the stream would finish by itself after ~800 ms, so a record that
    // shows a disconnect and no finish can only come from the cancel.
    await expect.poll(() => record.clientDisconnected, { interval: 10 }).toBe(true);
    expect(record.disconnectedAt!).toBeGreaterThanOrEqual(abortedAt);
    expect(record.finishedAt).toBeUndefined();
  });

  it("keeps connections alive between requests", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () => new Promise<boolean>((resolve, reject) => {
      const req = httpRequest(`${fake.url}/v1/models`, { agent, headers: { authorization: "Bearer k" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(req.reusedSocket));
      });
      req.on("error", reject);
      req.end();
    });
    expect([await get(), await get(), await get()]).toEqual([false, true, true]);
    agent.destroy();
  });

  it("answers unknown paths with OpenAI's 404 and bad JSON with the family's 400", async () => {
    const missing = await post("/v1/nothing", "{}", { authorization: "Bearer k" });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("Invalid URL (POST /v1/nothing)");
    const broken = await post("/v1/messages", "{not json", { "x-api-key": "k", "anthropic-version": "2023-06-01" });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  });

  it("answers a request without any credential the way each provider does", async () => {
    const anthropic = await post("/v1/messages", "{}", { "anthropic-version": "2023-06-01" });
    expect([anthropic.status, (await anthropic.json()).error.message]).toEqual([401, "x-api-key header is required"]);
    const gemini = await post("/v1beta/models/gemini-2.5-flash:generateContent", "{}");
    expect([gemini.status, (await gemini.json()).error.status]).toEqual([403, "PERMISSION_DENIED"]);
    const image = await fetch(`${fake.url}/images/cat.png`);
    expect([image.status, image.headers.get("content-type")]).toEqual([200, "image/png"]);
  });

  it("tells OpenAI, Anthropic and Cohere model listings apart on GET /v1/models", async () => {
    const openai = await (await fetch(`${fake.url}/v1/models`, { headers: { authorization: "Bearer k" } })).json();
    const anthropic = await (await fetch(`${fake.url}/v1/models`, { headers: { "x-api-key": "k", "anthropic-version": "2023-06-01" } })).json();
    const cohere = await (await fetch(`${fake.url}/v1/models?page_size=10`, { headers: { authorization: "Bearer k" } })).json();
    expect([openai.object, anthropic.has_more, Array.isArray(cohere.models)]).toEqual(["list", false, true]);
  });

  it("close() ends open streams at once", async () => {
    const other = await startFakeUpstream();
    const response = await fetch(`${other.url}/v1/chat/completions`, { method: "POST", headers: { authorization: "Bearer k", "x-fake-fault": "slow-tokens:5000" }, body: JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: "a b c" }] }) });
    const reading = response.text().catch(() => "closed");
    // Three tokens at 5 s each: ending before the first one is due means close() cut the stream.
    const start = Date.now();
    await other.close();
    expect(await reading).toBe("closed");
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it("runs standalone from the CLI and prints FAKE <url>", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/fake-upstream/cli.ts", "--latency", "10"], { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const found = /FAKE (\S+)/.exec(out)?.[1];
          if (found) resolve(found);
        });
        child.once("exit", (code) => reject(new Error(`cli exited ${code}`)));
      });
      const answer = await fetch(`${url}/v1/chat/completions`, { method: "POST", headers: { authorization: "Bearer k" }, body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "cli" }] }) });
      expect((await answer.json()).choices[0].message.content).toBe("Echo: cli");
    } finally {
      child.kill("SIGTERM");
    }
  }, 20_000);
});
