import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { expectDialectError, type Dialect } from "@/test/support/dialect-errors";
import { sendRaw } from "@/test/support/raw-http";

const rawRequest = (url: string, method: string, path: string, host: string) => sendRaw(url, { method, path, headers: { host } });

describe("every path under /v1, /api/v1 and /v1beta answers JSON in its dialect (lean API server)", () => {
  let gateway: Gateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("paths@example.com", [{ provider: "openai", key: "sk-paths-openai" }]));
  });
  afterAll(() => gateway?.close());

  const send = (method: string, path: string) => fetch(`${gateway.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: ["GET", "HEAD"].includes(method) ? undefined : "{}" });

  it.each<[string, string, Dialect]>([
    ["GET", "/v1/nope", "openai"],
    ["POST", "/v1/chat/complete", "openai"],
    ["GET", "/api/v1/nope/deeper", "openrouter"],
    ["GET", "/v1", "openai"],
    ["POST", "/v1/messages/batches", "anthropic"],
    ["GET", "/v1beta/nope", "gemini"],
    ["POST", "/v1beta/models/gemini-2.5-flash:unknownMethod", "gemini"],
  ])("unknown path: %s %s is a 404 in the %s shape", async (method, path, dialect) => {
    const response = await send(method, path);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectDialectError(await response.json(), dialect, 404);
  });

  it.each<[string, string, Dialect, string]>([
    ["GET", "/v1/chat/completions", "openai", "POST, OPTIONS"],
    ["DELETE", "/api/v1/chat/completions", "openrouter", "POST, OPTIONS"],
    ["POST", "/v1/models", "openai", "GET, HEAD, OPTIONS"],
    ["PUT", "/api/v1/keys", "openrouter", "GET, POST, HEAD, OPTIONS"],
    ["POST", "/api/v1/keys/abc", "openrouter", "GET, PATCH, DELETE, HEAD, OPTIONS"],
    ["GET", "/v1/messages", "anthropic", "POST, OPTIONS"],
    ["GET", "/v1beta/models/gemini-2.5-flash:generateContent", "gemini", "POST, OPTIONS"],
    ["POST", "/openapi.json", "openai", "GET, HEAD, OPTIONS"],
    ["POST", "/metrics", "openai", "GET, HEAD"],
  ])("wrong method: %s %s is a 405 in the %s shape with Allow: %s", async (method, path, dialect, allow) => {
    const response = await send(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    const body = await response.json();
    expectDialectError(body, dialect, 405);
    expect(JSON.stringify(body)).toContain(`${method} is not allowed`);
  });

  it("HEAD is answered as GET without a body", async () => {
    const response = await send("HEAD", "/v1/models");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("an OpenAI SDK calling a path we do not serve gets a NotFoundError, not HTML", async () => {
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await expect(client.get("/fine_tuning/jobs")).rejects.toMatchObject({ status: 404, error: { type: "not_found_error" } });
  });

  it.each<[string, Dialect]>([
    ["/v1/models/%E0%A4%A", "openai"],
    ["/api/v1/models/openai%2Fgpt-4o%ZZ", "openrouter"],
    ["/v1/models/%", "openai"],
  ])("malformed percent-encoding GET %s is a 400, never a 500", async (path, dialect) => {
    const response = await send("GET", path);
    expect(response.status).toBe(400);
    const body = await response.json();
    expectDialectError(body, dialect, 400);
    expect(JSON.stringify(body)).toMatch(/percent-encoding/);
  });

  it("malformed percent-encoding in a page path is a 400 too, before the web app sees it", async () => {
    const response = await send("GET", "/dashboard/%E0%A4%A");
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Malformed percent-encoding/);
  });

  it("malformed percent-encoding in a Gemini model is a 400 in Google's shape", async () => {
    const response = await send("POST", "/v1beta/models/openai%2Fgpt-4o%E0%A4%A:generateContent");
    expect(response.status).toBe(400);
    expectDialectError(await response.json(), "gemini", 400);
  });

  it.each(["exa mple.com", "[::1", "1.2.3.4.5", "a/b", "%zz", "xn--a"])("a malformed Host %j is a 400, never a 500", async (host) => {
    const api = await rawRequest(gateway.url, "GET", "/v1/models", host);
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body).error.message).toBe("Malformed Host header");
    const page = await rawRequest(gateway.url, "GET", "/dashboard", host);
    expect(page.status).toBe(400);
  });

  it.each(["TRACE", "PROPFIND", "MKCOL", "PURGE"])("%s is refused with a 405 on API paths and pages alike", async (method) => {
    const api = await rawRequest(gateway.url, method, "/v1/chat/completions", "localhost");
    expect(api.status).toBe(405);
    expect(api.headers.allow).toBe("POST, OPTIONS");
    expectDialectError(JSON.parse(api.body), "openai", 405);
    const page = await rawRequest(gateway.url, method, "/", "localhost");
    expect(page.status).toBe(405);
    expect(page.body).not.toContain("Host: localhost"); // TRACE never echoes the request back
  });
});
