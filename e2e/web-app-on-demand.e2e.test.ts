import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";

const loadedLines = (app: RunningApp) => app.output().split("\n").filter((line) => line.includes('"msg":"web app loaded"'));

describe("the production server loads the web app on the first page request", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ LOG_LEVEL: "info" });
  }, 90_000);
  afterAll(() => app?.stop());

  it("serves the API without loading the web app, then loads it once for pages", async () => {
    for (const path of ["/v1/models", "/api/v1/models"]) expect((await fetch(app.url + path)).status).toBe(200);
    expect((await fetch(`${app.url}/v1/chat/completions`, { method: "POST", body: "{}" })).status).toBe(401);
    expect(loadedLines(app)).toHaveLength(0);

    const pages = await Promise.all(["/", "/pricing", "/docs"].map((path) => fetch(app.url + path)));
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("OauthRouter");
    }
    const signin = await fetch(`${app.url}/dashboard`, { redirect: "manual" });
    expect([302, 303, 307]).toContain(signin.status);
    expect(loadedLines(app)).toHaveLength(1);
  }, 60_000);
});
