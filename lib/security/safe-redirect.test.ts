import { describe, expect, it } from "vitest";
import { localReturnPath } from "./safe-redirect";

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
