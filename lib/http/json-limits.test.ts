import { describe, expect, it } from "vitest";
import { parseCallerJson, parseJsonOr } from "@/lib/providers/shared/safe-json";
import { nestedJson } from "@/test/support/attack-inputs";
import { jsonLimitExceeded } from "./json-limits";

describe("limits on caller JSON", () => {
  it("measures depth and size without recursing, at any nesting", () => {
    expect(jsonLimitExceeded(JSON.parse(nestedJson(128)))).toBeNull();
    expect(jsonLimitExceeded(JSON.parse(nestedJson(129)))).toBe("depth");
    expect(jsonLimitExceeded(JSON.parse(nestedJson(200_000)))).toBe("depth");
    expect(jsonLimitExceeded({ a: { b: [{ c: 1 }] } }, { depth: 3, containers: 10 })).toBe("depth");
    expect(jsonLimitExceeded(Array.from({ length: 11 }, () => ({})), { depth: 3, containers: 11 })).toBe("size");
    expect(jsonLimitExceeded("text")).toBeNull();
  });

  it("a provider's JSON past the limits is unreadable; a caller's is a 400 naming where it was", () => {
    expect(parseJsonOr(nestedJson(5_000), "fallback")).toBe("fallback");
    expect(parseJsonOr('{"a":[1]}', "fallback")).toEqual({ a: [1] });
    expect(() => parseCallerJson(nestedJson(5_000), {}, "Tool call f's arguments")).toThrow("Tool call f's arguments is nested more than 128 levels deep");
    expect(parseCallerJson("not json", "fallback", "x")).toBe("fallback");
  });
});
