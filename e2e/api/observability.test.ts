import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createUser } from "@/lib/services/users/create-user";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { installDatabase, uninstallDatabase, uniqueSchemaUrl, type DatabaseTarget, postgresTarget } from "@/test/support/databases";
import { fakeUpstreamEnv } from "@/test/support/gateway-harness";
import { spawnApiProcess, type ApiProcess } from "@/test/support/spawn-api-process";

const METRICS_TOKEN = "metrics-token-observability-0123456789";
const PROVIDER_KEY = "sk-proj-observabilitySecretKey0123456789";
const BROKEN_KEY = "sk-proj-invalid-observabilityKey987654321";

interface LogLine {
  time: string;
  level: string;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

describe("logs and metrics of a running API process", () => {
  const databaseUrl = uniqueSchemaUrl();
  const target: DatabaseTarget = postgresTarget(databaseUrl);
  let fake: FakeUpstream;
  let api: ApiProcess;
  let quiet: ApiProcess;
  let token: string;
  let brokenToken: string;

  const chat = (base: string, key: string, body: Record<string, unknown>, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${base}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
      body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "one two three four five six" }], ...body }),
      signal,
    });
  // Complete lines only: a line still being written has no newline yet.
  const logLines = (process: ApiProcess): LogLine[] =>
    process.output().split("\n").slice(0, -1).filter((line) => line.trim() && !line.startsWith("LISTENING")).map((line) => JSON.parse(line) as LogLine);
  /** The log lines once `ready` holds for them: lines arrive on the process's pipes after the responses. */
  const linesOnce = async (process: ApiProcess, ready: (lines: LogLine[]) => boolean) => {
    await expect.poll(() => ready(logLines(process)), { timeout: 15_000 }).toBe(true);
    return logLines(process);
  };
  const accessLine = (lines: LogLine[], requestId: string | null) => lines.find((l) => l.msg === "request" && l.requestId === requestId);
  const metricsText = async () => (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const metric = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}()|.+*?[\]^$\\]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);

  beforeAll(async () => {
    fake = await startFakeUpstream();
    await installDatabase(target);
    const alice = await createUser({ email: "observed@example.com", password: "password-123", plan: "pro" });
    await addCredential(alice.user.id, { provider: "openai", secret: PROVIDER_KEY });
    await addCredential(alice.user.id, { provider: "google", secret: "AIzaObservability0123456789abcdef" });
    token = alice.token;
    const bob = await createUser({ email: "broken-key@example.com", password: "password-123", plan: "pro" });
    await addCredential(bob.user.id, { provider: "openai", secret: BROKEN_KEY });
    brokenToken = bob.token;
    const upstreams = fakeUpstreamEnv(fake.url);
    const env = { DATABASE_URL: databaseUrl, METRICS_TOKEN, ...upstreams };
    [api, quiet] = await Promise.all([spawnApiProcess({ ...env, LOG_LEVEL: "info" }), spawnApiProcess({ ...env, LOG_LEVEL: "warn" })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([api?.stop(), quiet?.stop()]);
    await fake?.close();
    await uninstallDatabase(target);
  });

  it("writes one JSON line per event, ties a request's lines to the x-request-id it returns, and never a secret", async () => {
    const ok = await chat(api.url, token, {});
    const requestId = ok.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const generationId = ok.headers.get("x-generation-id");
    const traced = await chat(api.url, token, {}, { "x-request-id": "trace-from-proxy-0001" });
    expect(traced.headers.get("x-request-id")).toBe("trace-from-proxy-0001");
    const failed = await chat(api.url, token, { model: "openai/gpt-4o--fault-status-503" });
    expect(failed.status).toBe(502);
    const failedId = failed.headers.get("x-request-id")!;
    const refused = await chat(api.url, brokenToken, {});
    // OpenAI says the key is invalid: the credential is named, with a status SDKs do not retry.
    expect(refused.status).toBe(424);
    const unknownToken = "lr_live_" + "x".repeat(40);
    const unknown = await chat(api.url, unknownToken, {});
    expect(unknown.status).toBe(401);
    const gemini = await fetch(`${api.url}/v1beta/models/gemini-2.5-flash:generateContent?key=${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "hi" }] }] }),
    });
    expect(gemini.status).toBe(200);
    const ids = [requestId, "trace-from-proxy-0001", failedId, refused.headers.get("x-request-id"), unknown.headers.get("x-request-id"), gemini.headers.get("x-request-id")];
    const lines = await linesOnce(api, (seen) => ids.every((id) => accessLine(seen, id)) && seen.some((l) => l.requestId === failedId && l.msg === "upstream attempt failed"));
    for (const line of lines) expect(line).toMatchObject({ time: expect.any(String), level: expect.stringMatching(/^(debug|info|warn|error)$/), msg: expect.any(String) });
    expect(accessLine(lines, requestId)).toMatchObject({ method: "POST", path: "/v1/chat/completions", status: 200, generationId, provider: "openai", durationMs: expect.any(Number) });
    expect(accessLine(lines, "trace-from-proxy-0001")).toMatchObject({ status: 200 });
    // The failing request's own lines: the upstream attempt, then the access line, under one id.
    // (The warning is on stderr and the access line on stdout: two pipes, so arrival order is not
    // theirs; their times are.)
    const ofFailed = lines.filter((l) => l.requestId === failedId);
    expect(ofFailed.map((l) => l.msg).sort()).toEqual(["request", "upstream attempt failed"]);
    const attempt = ofFailed.find((l) => l.msg === "upstream attempt failed")!;
    expect(attempt).toMatchObject({ level: "warn", provider: "openai", status: 502, type: "api_error" });
    expect(Date.parse(attempt.time)).toBeLessThanOrEqual(Date.parse(ofFailed.find((l) => l.msg === "request")!.time));
    expect(lines.find((l) => l.msg === "request" && l.path === "/v1beta/models/gemini-2.5-flash:generateContent")).toMatchObject({ status: 200 });

    const output = api.output();
    for (const secret of [token, brokenToken, unknownToken, PROVIDER_KEY, BROKEN_KEY, METRICS_TOKEN, "AIzaObservability0123456789abcdef"]) expect(output).not.toContain(secret);
    expect(output).toContain("Incorrect API key provided");
  });

  it("honours LOG_LEVEL: at warn, no access lines, still the warnings", async () => {
    expect((await chat(quiet.url, token, {})).status).toBe(200);
    const failed = await chat(quiet.url, token, { model: "openai/gpt-4o--fault-status-500" });
    const failedId = failed.headers.get("x-request-id");
    // The warning comes after both requests ended, so an access line of either would be out by then.
    const lines = await linesOnce(quiet, (seen) => seen.some((l) => l.requestId === failedId));
    expect(lines.find((l) => l.requestId === failedId)).toMatchObject({ level: "warn", msg: "upstream attempt failed" });
    expect(lines.filter((l) => l.level === "info" || l.level === "debug")).toEqual([]);
  });

  it("exposes request counts, latencies, upstream errors by provider and stream counts on /metrics", async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const counted = (text: string) => ({
      ok: metric(text, 'oauthrouter_requests_total{endpoint="chat",provider="openai",status="200"}') || 0,
      failed: metric(text, 'oauthrouter_requests_total{endpoint="chat",provider="openai",status="502"}') || 0,
      completed: metric(text, 'oauthrouter_streams_total{endpoint="chat",outcome="completed"}') || 0,
      cancelled: metric(text, 'oauthrouter_streams_total{endpoint="chat",outcome="cancelled"}') || 0,
      upstreamErrors: metric(text, 'oauthrouter_upstream_errors_total{provider="openai",type="api_error"}') || 0,
      gatewayRequests: metric(text, 'oauthrouter_request_duration_seconds_count{endpoint="chat"}') || 0,
      firstTokens: metric(text, 'oauthrouter_time_to_first_token_seconds_count{endpoint="chat"}') || 0,
      unauthorized: metric(text, 'oauthrouter_http_responses_total{kind="api",status="401"}') || 0,
      apiResponses: metric(text, 'oauthrouter_http_request_duration_seconds_count{kind="api"}') || 0,
    });
    const before = counted(await metricsText());
    const since = (text: string) => Object.fromEntries(Object.entries(counted(text)).map(([name, n]) => [name, n - before[name as keyof typeof before]]));

    for (let i = 0; i < 3; i++) expect((await chat(api.url, token, {})).status).toBe(200);
    const streamed = await chat(api.url, token, { stream: true });
    expect(await streamed.text()).toContain("[DONE]");
    const controller = new AbortController();
    const cancelled = await chat(api.url, token, { stream: true, model: "openai/gpt-4o--fault-slow-tokens-200" }, {}, controller.signal);
    await cancelled.body!.getReader().read();
    controller.abort();
    expect((await chat(api.url, token, { model: "openai/gpt-4o--fault-status-500" })).status).toBe(502);
    expect((await chat(api.url, "lr_live_" + "y".repeat(40), {})).status).toBe(401);

    // The cancelled stream is counted once the server notices the client left.
    await expect.poll(async () => since(await metricsText()), { timeout: 15_000 }).toEqual({
      ok: 4, failed: 1, completed: 1, cancelled: 1, upstreamErrors: 1, gatewayRequests: 6, unauthorized: 1,
      firstTokens: expect.any(Number), apiResponses: expect.any(Number),
    });
    const text = await metricsText();
    // Every HTTP response is timed; scrapes of /metrics may be among them.
    expect(since(text).apiResponses).toBeGreaterThanOrEqual(7);
    // The completed stream's first token; the cancelled one may have been left before its first.
    expect(since(text).firstTokens).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'oauthrouter_request_duration_seconds_count{endpoint="chat"}')).toBe(metric(text, 'oauthrouter_request_duration_seconds_bucket{endpoint="chat",le="+Inf"}'));
    expect(metric(text, 'oauthrouter_requests_in_flight{streamed="true"}')).toBe(0);
    // The rows of these requests are written within the writer's flush interval; nothing stays pending.
    await expect.poll(async () => metric(await metricsText(), "oauthrouter_usage_rows_pending"), { timeout: 15_000 }).toBe(0);
    expect(text).toContain("# TYPE oauthrouter_request_duration_seconds histogram");
  });
});
