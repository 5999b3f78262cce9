import { describe, expect, it } from "vitest";
import { encodeSse } from "./encode-sse";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("encodeSse", () => {
  it("writes one data line for single-line data, with the event name when given", () => {
    expect(text(encodeSse('{"a":"é"}'))).toBe('data: {"a":"é"}\n\n');
    expect(text(encodeSse("{}", "ping"))).toBe("event: ping\ndata: {}\n\n");
  });

  it("writes a data line per line of multi-line data", () => {
    expect(text(encodeSse("one\ntwo", "x"))).toBe("event: x\ndata: one\ndata: two\n\n");
  });
});
