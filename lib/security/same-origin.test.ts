import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const SITE = "https://oauthrouter.example";
const request = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/auth/signup", { method: "POST", headers });

describe("same-origin check for browser-facing route handlers", () => {
  it.each<Record<string, string>>([
    { origin: "https://evil.example" },
    { origin: "null" },
    { origin: "http://oauthrouter.example" },
    { origin: "https://oauthrouter.example.evil.example" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site" },
  ])("refuses %j with 403", (headers) => {
    expect(() => assertSameOrigin(request({ host: "127.0.0.1:3000", ...headers }), SITE)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it.each<Record<string, string>>([
    { origin: "https://oauthrouter.example" },
    { origin: "http://127.0.0.1:3000" },
    { "sec-fetch-site": "same-origin" },
    { "sec-fetch-site": "none" },
    {},
  ])("admits %j", (headers) => {
    expect(() => assertSameOrigin(request({ host: "127.0.0.1:3000", ...headers }), SITE)).not.toThrow();
  });
});
