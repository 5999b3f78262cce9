import { describe, expect, it } from "vitest";
import { localReturnPath, sameSiteRedirect } from "./safe-redirect";

describe("return paths after sign-in", () => {
  it("keeps paths on this site, with their query", () => {
    expect(localReturnPath("/dashboard/keys")).toBe("/dashboard/keys");
    expect(localReturnPath("/auth?callback_url=https%3A%2F%2Fapp.example%2Fcb")).toBe("/auth?callback_url=https%3A%2F%2Fapp.example%2Fcb");
    expect(localReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "http:evil.example",
    "",
    undefined,
  ])("sends %j to the dashboard instead", (target) => {
    expect(localReturnPath(target)).toBe("/dashboard");
  });
});

describe("next-auth's redirect after sign-in and sign-out", () => {
  const base = "http://localhost:4201";

  it("keeps local paths and URLs on exactly this origin", () => {
    expect(sameSiteRedirect("/dashboard/keys?x=1", base)).toBe("http://localhost:4201/dashboard/keys?x=1");
    expect(sameSiteRedirect("http://localhost:4201/dashboard", base)).toBe("http://localhost:4201/dashboard");
  });

  it.each([
    "http://localhost:4201.evil.example/",
    "http://localhost:4201@evil.example/",
    "http://localhost:4201\\@evil.example/",
    "http://user:pass@localhost:4201/",
    "http://localhost:42010/",
    "https://localhost:4201/",
    "//evil.example/",
    "evil.example",
    "http://[::1",
    "",
  ])("sends %j to the site's root, never throwing", (url) => {
    expect(sameSiteRedirect(url, base)).toBe(base);
  });
});
