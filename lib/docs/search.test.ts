import { describe, expect, it } from "vitest";
import { searchDocs, type DocEntry } from "./search";

const ENTRIES: DocEntry[] = [
  { id: "quickstart", title: "Quickstart", section: "Quickstart", text: "Sign up, add a provider key, copy your token and send a request." },
  { id: "streaming", title: "Streaming", section: "Chat completions", text: "Set stream: true to receive server-sent events; the usage chunk comes last when stream_options asks for it." },
  { id: "errors", title: "Errors", section: "Errors", text: "Every error has a type and a message. A 429 means the monthly message limit is reached; streaming errors arrive as events." },
];

describe("searching the docs", () => {
  it("finds entries holding every word, heading matches first", () => {
    expect(searchDocs(ENTRIES, "streaming").map((hit) => hit.entry.id)).toEqual(["streaming", "errors"]);
    expect(searchDocs(ENTRIES, "STREAM_OPTIONS usage").map((hit) => hit.entry.id)).toEqual(["streaming"]);
    expect(searchDocs(ENTRIES, "chat events").map((hit) => hit.entry.id)).toEqual(["streaming"]);
    expect(searchDocs(ENTRIES, "nothing-like-this")).toEqual([]);
    expect(searchDocs(ENTRIES, "streaming").every((hit) => hit.complete)).toBe(true);
    expect(searchDocs(ENTRIES, "   ")).toEqual([]);
  });

  it("quotes the text around the first match with the matched words apart", () => {
    const [hit] = searchDocs(ENTRIES, "429 limit");
    expect(hit.snippet.join("")).toContain("A 429 means the monthly message limit is reached");
    expect(hit.snippet.filter((_, index) => index % 2 === 1)).toEqual(["429", "limit"]);
  });

  it("falls back to the entries holding the most words when none holds them all", () => {
    const hits = searchDocs(ENTRIES, "token monthly nothing-like-this");
    expect(hits.map((hit) => [hit.entry.id, hit.complete])).toEqual([["quickstart", false], ["errors", false]]);
  });

  it("takes the query as words, not as a pattern", () => {
    expect(searchDocs(ENTRIES, "stream: (").map((hit) => [hit.entry.id, hit.complete])).toEqual([["streaming", false]]);
    expect(searchDocs(ENTRIES, "stream:").map((hit) => hit.entry.id)).toEqual(["streaming"]);
  });
});
