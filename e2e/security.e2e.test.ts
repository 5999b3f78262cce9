import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

describe("web security and observability of the running product", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ METRICS_TOKEN });
  }, 120_000);
  afterAll(() => app?.stop());

  it("sends security headers on pages", async () => {
    const response = await fetch(app.url);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("limits sign-up attempts per client, whatever X-Forwarded-For says", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${app.url}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.${i}` },
        body: JSON.stringify({ email: `flood${i}@example.com`, password: "password-123" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("serves Prometheus metrics to the operator's token only", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    const response = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# TYPE oauthrouter_requests_total counter");
  });
});
