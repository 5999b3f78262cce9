import { describe, expect, it } from "vitest";
import { LeanResponse } from "./lean-response";
import type { ByteSource } from "./pull-stream";

/** A source of the given pieces, noting whether it started and was cancelled. */
function pieces(list: string[]) {
  const state = { started: false, cancelled: false };
  const source: ByteSource = {
    start: () => void (state.started = true),
    pull: async (sink) => {
      const next = list.shift();
      if (next === undefined) sink.close();
      else sink.enqueue(new TextEncoder().encode(next));
    },
    cancel: async () => void (state.cancelled = true),
  };
  return { source, state };
}

describe("LeanResponse", () => {
  it("reads like Response.json for every Web reader: json, text, bytes, body stream", async () => {
    const value = { a: 1, text: "é ✓" };
    const plain = Response.json(value, { status: 202, headers: { "x-id": "7" } });
    const lean = LeanResponse.json(value, { status: 202, headers: { "x-id": "7" } });
    expect(lean).toBeInstanceOf(Response);
    expect([lean.status, lean.headers.get("content-type"), lean.headers.get("x-id")]).toEqual([plain.status, plain.headers.get("content-type"), "7"]);
    expect(await lean.clone().json()).toEqual(value);
    expect(await lean.clone().text()).toBe(await plain.clone().text());
    expect(new TextDecoder().decode(await lean.clone().bytes())).toBe(JSON.stringify(value));
    expect(await new Response(lean.body).text()).toBe(JSON.stringify(value));
  });

  it("keeps a content-type it was given, gives a string Response's default otherwise, and counts its body as used once read", async () => {
    const lean = LeanResponse.json({ error: "x" }, { headers: { "content-type": "application/problem+json" } });
    expect(lean.headers.get("content-type")).toBe("application/problem+json");
    expect(new LeanResponse("words").headers.get("content-type")).toBe(new Response("words").headers.get("content-type"));
    expect(lean.bodyUsed).toBe(false);
    await lean.text();
    expect(lean.bodyUsed).toBe(true);
    await expect(lean.text()).rejects.toThrow(TypeError);
    expect(LeanResponse.takeBody(lean)).toBeUndefined();
  });

  it("hands its string to the lean server once, and to nobody after", async () => {
    const lean = new LeanResponse("plain words", { headers: { "content-type": "text/plain" } });
    expect(LeanResponse.takeBody(lean)).toEqual({ text: "plain words" });
    expect(LeanResponse.takeBody(lean)).toBeUndefined();
    expect(lean.bodyUsed).toBe(true);
    expect(lean.body).toBeNull();
    expect(LeanResponse.takeBody(Response.json({}))).toBeUndefined();
  });

  it("starts a stream's source only when read, one way: directly, or the Web way", async () => {
    const direct = pieces(["a", "b"]);
    const lean = new LeanResponse(direct.source, { headers: { "content-type": "text/event-stream" } });
    expect(direct.state.started).toBe(false);
    const body = LeanResponse.takeBody(lean);
    expect(direct.state.started).toBe(true);
    if (!body || !("reader" in body)) throw new Error("expected a reader");
    const decoder = new TextDecoder();
    let out = "";
    for (let r = await body.reader.read(); !r.done; r = await body.reader.read()) out += decoder.decode(r.value);
    expect(out).toBe("ab");
    expect(lean.body).toBeNull();

    const web = pieces(["c", "d"]);
    const webLean = new LeanResponse(web.source);
    expect(webLean.headers.get("content-type")).toBeNull();
    expect(await webLean.text()).toBe("cd");
    expect(LeanResponse.takeBody(webLean)).toBeUndefined();

    const cancelled = pieces(["e"]);
    await new LeanResponse(cancelled.source).body!.cancel();
    expect(cancelled.state.cancelled).toBe(true);
  });

  it("clones into an independent answer", async () => {
    const lean = LeanResponse.json([1, 2]);
    const copy = lean.clone();
    expect(await lean.json()).toEqual([1, 2]);
    expect(await copy.json()).toEqual([1, 2]);
    const streamed = new LeanResponse(pieces(["x", "y"]).source);
    const streamedCopy = streamed.clone();
    expect([await streamed.text(), await streamedCopy.text()]).toEqual(["xy", "xy"]);
  });
});
