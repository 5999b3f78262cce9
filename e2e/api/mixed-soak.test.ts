import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createUser } from "@/lib/services/users/create-user";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { cjkText, echoedForms, nestedJson, refBomb } from "@/test/support/attack-inputs";
import { auditBooks, type ExpectedRow } from "@/test/support/books";
import { installDatabase, postgresTarget, uninstallDatabase, uniqueSchemaUrl, type DatabaseTarget } from "@/test/support/databases";
import { fakeUpstreamEnv } from "@/test/support/gateway-harness";
import { inParallel } from "@/test/support/in-parallel";
import { spawnApiProcess, type ApiProcess } from "@/test/support/spawn-api-process";
import { readSseEvents } from "@/test/support/sse-events";

const TOTAL = 600;
const CONCURRENCY = 16;
// Normal requests take 20-200 ms here (under 3 s at worst on a busy machine, attacks or not); a
// request held behind an attack took 13-25 s before.
const NORMAL_TIME_MS = 10_000;
const ATTACKER_KEY = "sk-soak/attacker+key=0123456789-a7c9";
const HEAVY_COUNT = cjkText(600_000);

type User = { userId: string; token: string };

/** One request of the soak: what it sends, and the usage row it must leave (null: none, refused up front). */
interface Scenario {
  name: string;
  attack: boolean;
  path: string;
  body: () => string;
  status: number;
  row: { status: number; countedMessage: boolean } | null;
  stream?: boolean;
  /** The client gives up after this long (the heavy count: the server must drop its work). */
  abortAfterMs?: number;
}

const chat = (model: string, extra: Record<string, unknown> = {}) => JSON.stringify({ model, messages: [{ role: "user", content: "one two three" }], ...extra });

const NORMAL: Scenario[] = [
  { name: "chat", attack: false, path: "/v1/chat/completions", body: () => chat("openai/gpt-4o"), status: 200, row: { status: 200, countedMessage: true } },
  { name: "chat stream", attack: false, path: "/v1/chat/completions", body: () => chat("openai/gpt-4o", { stream: true }), status: 200, stream: true, row: { status: 200, countedMessage: true } },
  { name: "stream without usage", attack: false, path: "/v1/chat/completions", body: () => chat("mistral/mistral-large-latest", { stream: true }), status: 200, stream: true, row: { status: 200, countedMessage: true } },
  { name: "messages stream", attack: false, path: "/v1/messages", body: () => chat("claude-sonnet-4-5", { stream: true, max_tokens: 64 }), status: 200, stream: true, row: { status: 200, countedMessage: true } },
  { name: "gemini", attack: false, path: "/v1beta/models/gemini-2.5-flash:generateContent", body: () => JSON.stringify({ contents: [{ parts: [{ text: "one two" }] }] }), status: 200, row: { status: 200, countedMessage: true } },
  { name: "count_tokens", attack: false, path: "/v1/messages/count_tokens", body: () => chat("claude-sonnet-4-5"), status: 200, row: null },
];

const ATTACKS: Scenario[] = [
  { name: "schema bomb", attack: true, path: "/v1/chat/completions", body: () => chat("google/gemini-2.5-flash", { response_format: { type: "json_schema", json_schema: { name: "b", schema: refBomb() } } }), status: 400, row: { status: 400, countedMessage: false } },
  { name: "deep nesting", attack: true, path: "/v1/messages", body: () => `{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":${nestedJson(100_000)}}]}`, status: 400, row: null },
  { name: "CR/LF model", attack: true, path: "/v1/chat/completions", body: () => chat("openai/gpt-4o\r\nx-injected: 1", { stream: true }), status: 400, row: null },
  { name: "U+2028 model", attack: true, path: "/v1beta/models/gemini-2.5-flash%E2%80%A8:generateContent", body: () => JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] }), status: 400, row: null },
  { name: "NUL in the upstream's error", attack: true, path: "/v1/chat/completions", body: () => chat("openai/gpt-4o-nul"), status: 400, row: { status: 400, countedMessage: false } },
  { name: "key echoed mid-stream", attack: true, path: "/v1/chat/completions", body: () => chat("openai/gpt-4o-echo", { stream: true }), status: 200, stream: true, row: { status: 502, countedMessage: true } },
  { name: "heavy count_tokens", attack: true, path: "/v1/messages/count_tokens", body: () => chat("claude-sonnet-4-5", { messages: [{ role: "user", content: HEAVY_COUNT }] }), status: 0, row: null, abortAfterMs: 1_500 },
];

interface Sent {
  scenario: Scenario;
  user: User;
  status: number;
  generationId: string | null;
  elapsedMs: number;
  problem?: string;
}

async function send(base: string, scenario: Scenario, user: User): Promise<Sent> {
  const started = performance.now();
  const sent: Sent = { scenario, user, status: 0, generationId: null, elapsedMs: 0 };
  try {
    const headers = { authorization: `Bearer ${user.token}`, "x-api-key": user.token, "content-type": "application/json" };
    const signal = scenario.abortAfterMs ? AbortSignal.timeout(scenario.abortAfterMs) : AbortSignal.timeout(60_000);
    const response = await fetch(`${base}${scenario.path}`, { method: "POST", headers, body: scenario.body(), signal });
    const text = await response.text();
    Object.assign(sent, { status: response.status, generationId: response.headers.get("x-generation-id") });
    if (scenario.stream && response.status === 200) {
      const failed = readSseEvents(text).some((event) => event.event === "error" || (event.json as { error?: unknown })?.error);
      if (failed !== (scenario.row?.status === 502)) sent.problem = `stream ${failed ? "failed" : "did not fail"}: ${text.slice(-200)}`;
    }
    if (scenario.attack && Object.values(echoedForms(ATTACKER_KEY)).some((form) => text.includes(form))) sent.problem = "the key reached the client";
  } catch (error) {
    if (!scenario.abortAfterMs) sent.problem = `${(error as Error).message}`;
  }
  sent.elapsedMs = performance.now() - started;
  return sent;
}

describe("mixed soak: attack inputs interleaved with other tenants' normal traffic, on PostgreSQL", () => {
  const databaseUrl = uniqueSchemaUrl();
  const target: DatabaseTarget = postgresTarget(databaseUrl);
  let fake: FakeUpstream;
  let api: ApiProcess;
  const normal: User[] = [];
  let attacker: User;

  beforeAll(async () => {
    fake = await startFakeUpstream({ record: false });
    await installDatabase(target);
    const newUser = async (email: string, key: (provider: string) => string) => {
      const { user, token } = await createUser({ email, password: "password-123", plan: "pro" });
      for (const provider of ["openai", "anthropic", "google", "mistral"]) await addCredential(user.id, { provider, secret: key(provider) });
      return { userId: user.id, token };
    };
    for (const n of [1, 2]) normal.push(await newUser(`mixed-soak-${n}@example.com`, (provider) => `key-${provider}-normal-${n}`));
    attacker = await newUser("mixed-soak-attacker@example.com", () => ATTACKER_KEY);
    const unstorable = `bad \u0000 input \ud800 (key ${Object.values(echoedForms(ATTACKER_KEY)).join(" ")})`;
    fake.setFault({ mode: "status:400", match: { model: "gpt-4o-nul" }, message: unstorable });
    fake.setFault({ mode: "error-mid-stream:2", match: { model: "gpt-4o-echo" }, message: unstorable });
    api = await spawnApiProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: "error", ...fakeUpstreamEnv(fake.url) });
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await fake?.close();
    await uninstallDatabase(target);
  });

  it("answers every normal request in normal time, refuses every attack in its dialect, and the books balance", async () => {
    const started = Date.now();
    const sent = await inParallel(TOTAL, CONCURRENCY, (n) => {
      // One request in three is an attack; the rest are two other tenants' ordinary traffic.
      const attack = n % 3 === 2;
      const scenario = attack ? ATTACKS[Math.floor(n / 3) % ATTACKS.length] : NORMAL[n % NORMAL.length];
      return send(api.url, scenario, attack ? attacker : normal[n % 2]);
    });
    const elapsedMs = Date.now() - started;
    await api.stop();

    expect(sent.filter((s) => s.problem).map((s) => `${s.scenario.name}: ${s.problem}`)).toEqual([]);
    for (const s of sent.filter((s) => !s.scenario.abortAfterMs)) expect(s.status, s.scenario.name).toBe(s.scenario.status);
    const normalTimes = sent.filter((s) => !s.scenario.attack).map((s) => s.elapsedMs).sort((a, b) => a - b);
    const p50 = normalTimes[Math.floor(normalTimes.length / 2)];
    console.log(`[mixed soak] ${TOTAL} requests (${sent.filter((s) => s.scenario.attack).length} attacks) in ${elapsedMs} ms; normal requests p50 ${Math.round(p50)} ms, max ${Math.round(normalTimes.at(-1)!)} ms`);
    expect(normalTimes.at(-1)).toBeLessThan(NORMAL_TIME_MS);

    const withRows = sent.filter((s) => s.scenario.row);
    expect(withRows.filter((s) => !s.generationId).map((s) => s.scenario.name)).toEqual([]);
    const expected: ExpectedRow[] = withRows.map((s) => ({ generationId: s.generationId!, userId: s.user.userId, status: s.scenario.row!.status, streamed: Boolean(s.scenario.stream), cancelled: false, countedMessage: s.scenario.row!.countedMessage }));
    const users = [...normal, attacker].map((u) => u.userId);
    const report = await auditBooks(expected, users);
    expect(report.problems.slice(0, 20)).toEqual([]);
    expect(report.rows).toBe(expected.length);

    const stored = await (await db()).usageEvent.findMany({ where: { userId: attacker.userId, errorMessage: { not: null } }, select: { errorMessage: true } });
    expect(stored.length).toBeGreaterThan(0);
    for (const { errorMessage } of stored) {
      expect(Object.values(echoedForms(ATTACKER_KEY)).filter((form) => errorMessage!.includes(form))).toEqual([]);
      expect(errorMessage).not.toMatch(/\u0000/);
    }
  }, 120_000);
});
