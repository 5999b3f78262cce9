import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userMonthKey } from "@/lib/quota/admit-message";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createUser } from "@/lib/services/users/create-user";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { auditBooks, type ExpectedRow } from "@/test/support/books";
import { installDatabase, uninstallDatabase, uniqueSchemaUrl, type DatabaseTarget, postgresTarget } from "@/test/support/databases";
import { fakeUpstreamEnv } from "@/test/support/gateway-harness";
import { inParallel } from "@/test/support/in-parallel";
import { spawnApiProcess, type ApiProcess } from "@/test/support/spawn-api-process";
import { readSseEvents } from "@/test/support/sse-events";

const TOTAL = Number(process.env.SOAK_TOTAL ?? 3_000);
const CONCURRENCY = 32;
const STARTER_LIMIT = 1_000;
// The starter account starts near its limit, so some of its requests meet it under load.
const STARTER_USED = 960;

type Endpoint = "chat" | "messages" | "gemini";
type Kind = "ok" | "cancel" | "fail-before" | "fail-after";

interface Scenario {
  endpoint: Endpoint;
  model: string;
  stream: boolean;
  kind: Kind;
  weight: number;
  /** The Gemini stream as Google's JSON array rather than SSE. */
  jsonArray?: boolean;
}

const SCENARIOS: Scenario[] = [
  { endpoint: "chat", model: "openai/gpt-4o", stream: false, kind: "ok", weight: 4 },
  { endpoint: "chat", model: "openai/gpt-4o", stream: true, kind: "ok", weight: 4 },
  { endpoint: "chat", model: "openai/gpt-4o--fault-slow-tokens-200", stream: true, kind: "cancel", weight: 2 },
  { endpoint: "chat", model: "openai/gpt-4o--fault-status-503", stream: false, kind: "fail-before", weight: 1 },
  { endpoint: "chat", model: "openai/gpt-4o--fault-status-500", stream: true, kind: "fail-before", weight: 1 },
  { endpoint: "chat", model: "openai/gpt-4o--fault-error-mid-stream-4", stream: true, kind: "fail-after", weight: 1 },
  { endpoint: "messages", model: "anthropic/claude-sonnet-4-5", stream: false, kind: "ok", weight: 3 },
  { endpoint: "messages", model: "anthropic/claude-sonnet-4-5", stream: true, kind: "ok", weight: 3 },
  { endpoint: "messages", model: "openai/gpt-4o", stream: true, kind: "ok", weight: 1 },
  { endpoint: "messages", model: "anthropic/claude-sonnet-4-5--fault-slow-tokens-200", stream: true, kind: "cancel", weight: 2 },
  { endpoint: "messages", model: "anthropic/claude-sonnet-4-5--fault-status-529", stream: true, kind: "fail-before", weight: 1 },
  { endpoint: "messages", model: "anthropic/claude-sonnet-4-5--fault-cut-mid-stream-5", stream: true, kind: "fail-after", weight: 1 },
  { endpoint: "gemini", model: "google/gemini-2.5-flash", stream: false, kind: "ok", weight: 3 },
  { endpoint: "gemini", model: "google/gemini-2.5-flash", stream: true, kind: "ok", weight: 3 },
  { endpoint: "gemini", model: "openai/gpt-4o", stream: true, kind: "ok", weight: 1, jsonArray: true },
  { endpoint: "gemini", model: "google/gemini-2.5-flash--fault-slow-tokens-200", stream: true, kind: "cancel", weight: 2 },
  { endpoint: "gemini", model: "google/gemini-2.5-flash--fault-status-503", stream: false, kind: "fail-before", weight: 1 },
  { endpoint: "gemini", model: "google/gemini-2.5-flash--fault-cut-mid-stream-3", stream: true, kind: "fail-after", weight: 1 },
];
const DECK = SCENARIOS.flatMap((scenario) => Array.from({ length: scenario.weight }, () => scenario));
const SHORT_TEXT = "one two three four five six seven eight nine ten eleven twelve";
// Streams the client cancels are long (about 12 s at 200 ms a word): even a starved client cancels before they end.
const LONG_TEXT = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");

function requestFor(s: Scenario): { path: string; body: unknown } {
  const TEXT = s.kind === "cancel" ? LONG_TEXT : SHORT_TEXT;
  if (s.endpoint === "chat") return { path: "/v1/chat/completions", body: { model: s.model, stream: s.stream, messages: [{ role: "user", content: TEXT }] } };
  if (s.endpoint === "messages") return { path: "/v1/messages", body: { model: s.model, stream: s.stream, max_tokens: 512, messages: [{ role: "user", content: TEXT }] } };
  const method = !s.stream ? "generateContent" : s.jsonArray ? "streamGenerateContent" : "streamGenerateContent?alt=sse";
  return { path: `/v1beta/models/${s.model}:${method}`, body: { contents: [{ role: "user", parts: [{ text: TEXT }] }] } };
}

// In each dialect's stream: a token has arrived, and the stream has ended normally.
const OUTPUT = { chat: '"content":"Echo', messages: '"text_delta"', gemini: '"text":"Echo' };
const END = { chat: "[DONE]", messages: "message_stop", gemini: '"finishReason"' };

interface Sent {
  scenario: Scenario;
  userId: string;
  status: number;
  generationId: string | null;
  cancelled: boolean;
  /** What the client saw was wrong, if anything. */
  problem?: string;
}

async function sendOne(base: string, scenario: Scenario, user: { userId: string; token: string }): Promise<Sent> {
  try {
    return await exchange(base, scenario, user);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { scenario, userId: user.userId, status: 0, generationId: null, cancelled: false, problem: `${(error as Error).message}: ${cause?.code ?? cause?.message}` };
  }
}

async function exchange(base: string, scenario: Scenario, user: { userId: string; token: string }): Promise<Sent> {
  const { path, body } = requestFor(scenario);
  const controller = new AbortController();
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.any([controller.signal, AbortSignal.timeout(30_000)]),
  });
  const sent: Sent = { scenario, userId: user.userId, status: response.status, generationId: response.headers.get("x-generation-id"), cancelled: false };
  if (scenario.kind !== "cancel" || response.status !== 200) {
    const text = await response.text();
    if (response.status === 200 && scenario.stream) {
      const last = readSseEvents(text).filter((e) => e.data !== "[DONE]").at(-1);
      const failedEvent = Boolean((last?.json as { error?: unknown })?.error) || last?.event === "error";
      if (failedEvent !== (scenario.kind === "fail-after")) sent.problem = `stream ended ${failedEvent ? "with" : "without"} an error: ${text.slice(-300)}`;
    }
    return sent;
  }
  // Read until the first token, then walk away (unless the whole answer is somehow already here).
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(OUTPUT[scenario.endpoint])) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  // A starved client can find the whole answer already there: then it did not cancel, and the books must say so.
  if (text.includes(END[scenario.endpoint])) return sent;
  controller.abort();
  await reader.cancel().catch(() => undefined);
  return { ...sent, cancelled: true };
}

function expectedStatus(sent: Sent): number {
  if (sent.status === 429) return 429;
  const kind = sent.scenario.kind;
  if (kind === "cancel") return sent.cancelled ? 499 : 200;
  return kind === "fail-before" || kind === "fail-after" ? 502 : 200;
}

describe("load and soak: a few thousand mixed requests against one server on PostgreSQL", () => {
  const databaseUrl = uniqueSchemaUrl();
  const target: DatabaseTarget = postgresTarget(databaseUrl);
  let fake: FakeUpstream;
  let api: ApiProcess;
  const users: Array<{ userId: string; token: string; plan: "pro" | "starter" }> = [];

  beforeAll(async () => {
    fake = await startFakeUpstream({ record: false });
    await installDatabase(target);
    for (const [email, plan] of [["soak-pro-1@example.com", "pro"], ["soak-pro-2@example.com", "pro"], ["soak-starter@example.com", "starter"]] as const) {
      const { user, token } = await createUser({ email, password: "password-123", plan });
      for (const [provider, secret] of [["openai", `sk-openai-${plan}`], ["anthropic", `sk-ant-api03-${plan}`], ["google", `AIza-${plan}`]]) {
        await addCredential(user.id, { provider, secret });
      }
      users.push({ userId: user.id, token, plan });
    }
    const starter = users.find((u) => u.plan === "starter")!;
    await (await db()).quotaCounter.create({ data: { key: userMonthKey(starter.userId, new Date()), used: STARTER_USED } });
    const upstreams = fakeUpstreamEnv(fake.url);
    api = await spawnApiProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: "error", ...upstreams });
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await fake?.close();
    await uninstallDatabase(target);
  });

  it("answers each request as its scenario says, and the books balance to the request", async () => {
    const started = Date.now();
    const sent = await inParallel(TOTAL, CONCURRENCY, (n) => {
      // Spread the starter account thin (one request in six) and interleave everything else.
      const user = n % 6 === 5 ? users[2] : users[n % 2];
      return sendOne(api.url, DECK[(n * 11) % DECK.length], user);
    });
    const elapsedMs = Date.now() - started;
    // The server flushes its usage rows on SIGTERM; the books are read once it has exited.
    await api.stop();

    expect(sent.filter((s) => s.problem).map((s) => `${s.scenario.model} ${s.problem}`)).toEqual([]);
    const cancels = sent.filter((s) => s.scenario.kind === "cancel" && s.status === 200);
    expect(cancels.filter((s) => s.cancelled).length).toBeGreaterThan(cancels.length * 0.9);
    expect(sent.filter((s) => !s.generationId)).toEqual([]);
    for (const s of sent) {
      if (s.userId !== users[2].userId) expect(s.status).not.toBe(429);
      const httpStatus = s.scenario.kind === "fail-before" && s.status !== 429 ? 502 : s.status === 429 ? 429 : 200;
      expect(s.status, `${s.scenario.endpoint} ${s.scenario.model}`).toBe(httpStatus);
    }
    const expected: ExpectedRow[] = sent.map((s) => {
      const status = expectedStatus(s);
      return {
        generationId: s.generationId!,
        userId: s.userId,
        status,
        streamed: s.scenario.stream,
        cancelled: s.cancelled,
        countedMessage: status === 200 || status === 499 || (status === 502 && s.scenario.kind === "fail-after"),
      };
    });
    // The pro accounts started at zero: their counters must equal their rows that used a message.
    const report = await auditBooks(expected, users.map((u) => u.userId), [users[0].userId, users[1].userId]);
    expect(report.problems.slice(0, 20)).toEqual([]);
    expect(report.rows).toBe(TOTAL);
    for (const user of users.slice(0, 2)) expect(report.counters.get(user.userId)).toBe(expected.filter((e) => e.userId === user.userId && e.countedMessage).length);
    // The starter account started at 960 of 1,000: it met its limit, and never went past it.
    const starter = users[2].userId;
    const starterUsed = await (await db()).quotaCounter.findUniqueOrThrow({ where: { key: userMonthKey(starter, new Date()) } });
    expect(starterUsed.used).toBe(STARTER_USED + expected.filter((e) => e.userId === starter && e.countedMessage).length);
    expect(starterUsed.used).toBeLessThanOrEqual(STARTER_LIMIT);
    expect(sent.filter((s) => s.status === 429).length).toBeGreaterThan(0);
    console.log(`[soak] ${TOTAL} requests in ${elapsedMs} ms (${Math.round((TOTAL * 1000) / elapsedMs)}/s), ${sent.filter((s) => s.cancelled).length} cancelled, ${sent.filter((s) => s.status === 429).length} at the limit`);
  }, 180_000);
});
