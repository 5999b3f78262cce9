import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { captureLogs } from "@/lib/observability/logger";
import { listen } from "./api-server";
import { nextOnDemand, type PreparableApp } from "./next-on-demand";

/** A stand-in for `next({...})` that counts how often it is loaded and answers with its own text. */
function fakeApp(prepare: () => Promise<void>) {
  const calls = { prepare: 0 };
  const app: PreparableApp = {
    prepare: () => {
      calls.prepare += 1;
      return prepare();
    },
    getRequestHandler: () => async (req, res) => void res.end(`page ${req.url}`),
  };
  return { app, calls };
}

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Serves `app`; `arrived` counts the requests that reached it, `waitFor(n)` resolves once n have. */
async function serve(app: PreparableApp) {
  const fallback = nextOnDemand(app);
  let arrived = 0;
  const waiting: Array<{ n: number; resolve(): void }> = [];
  server = createServer((req, res) => {
    arrived += 1;
    for (const waiter of waiting.filter((w) => arrived >= w.n)) waiter.resolve();
    void fallback(req, res);
  });
  const url = await listen(server);
  const waitFor = (n: number) => new Promise<void>((resolve) => (arrived >= n ? resolve() : waiting.push({ n, resolve })));
  return { url, waitFor };
}

describe("the web app is loaded on the first request that needs it", () => {
  it("loads nothing until a page is asked for, then once for any number of requests at once", async () => {
    let finishLoading = () => {};
    const { app, calls } = fakeApp(() => new Promise((resolve) => (finishLoading = resolve)));
    const { url, waitFor } = await serve(app);
    expect(calls.prepare).toBe(0);
    const pages = Promise.all(["/a", "/b", "/c"].map((page) => fetch(url + page).then((r) => r.text())));
    // All three are in while the app is still loading.
    await waitFor(3);
    expect(calls.prepare).toBe(1);
    finishLoading();
    expect(await pages).toEqual(["page /a", "page /b", "page /c"]);
    expect(await fetch(`${url}/d`).then((r) => r.text())).toBe("page /d");
    expect(calls.prepare).toBe(1);
  });

  it("answers 503 when loading fails, and tries again on the next request", async () => {
    let fail = true;
    const { app, calls } = fakeApp(async () => {
      if (fail) throw new Error("missing build");
    });
    const { url } = await serve(app);
    const capture = captureLogs();
    try {
      const failed = await fetch(`${url}/`);
      expect(failed.status).toBe(503);
      expect(await failed.text()).toBe("The web app is unavailable; try again shortly.");
      expect(capture.lines()).toMatchObject([{ level: "error", msg: "the web app could not be loaded", error: "missing build" }]);
    } finally {
      capture.restore();
    }
    fail = false;
    const loaded = await fetch(`${url}/`);
    expect(loaded.status).toBe(200);
    expect(calls.prepare).toBe(2);
  });
});
