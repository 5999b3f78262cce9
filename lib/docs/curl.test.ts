import { describe, expect, it } from "vitest";
import { curlCommand, readableJson } from "./curl";

describe("curl examples", () => {
  it("keeps short JSON on one line, breaks long JSON, and never changes the value", () => {
    const body = { model: "m", messages: [{ role: "user", content: "Hello { world } [ ok ]" }], schema: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } }, required: ["a", "b"], additionalProperties: false } };
    const text = readableJson(body, "  ");
    expect(JSON.parse(text)).toEqual(body);
    expect(text).toContain('{"role": "user", "content": "Hello { world } [ ok ]"}');
    expect(text.split("\n").length).toBeGreaterThan(3);
    expect(readableJson({ a: 1 })).toBe('{"a": 1}');
  });

  it("writes the method only when curl cannot infer it, quotes URLs with a query, and escapes single quotes", () => {
    expect(curlCommand({ url: "http://h/v1/models", bearer: "t" })).toBe('curl http://h/v1/models \\\n  -H "Authorization: Bearer t"');
    expect(curlCommand({ method: "DELETE", url: "http://h/k/1" })).toBe("curl -X DELETE http://h/k/1");
    expect(curlCommand({ method: "PATCH", url: "http://h/k/1", body: { a: 1 } })).toContain("curl -X PATCH http://h/k/1");
    expect(curlCommand({ url: "http://h/x?key=1", body: { q: "it's" } })).toMatch(/^curl "http:\/\/h\/x\?key=1" \\\n.*-d '\{"q": "it'\\''s"\}'$/s);
  });
});
