import { describe, expect, it } from "vitest";
import type { ChatChunk, ChatResponse } from "@/lib/providers/types";
import { textCompletionSseEncoder, toTextCompletion, toTextCompletionChunk } from "./text-completion";

const usage = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };
const answer = (id: string, texts: string[]): ChatResponse => ({
  id, object: "chat.completion", created: 1, model: "m", provider: "openai", usage,
  choices: texts.map((content, index) => ({ index, message: { role: "assistant", content }, finish_reason: "stop", native_finish_reason: "stop" })),
});
const chunk = (delta: ChatChunk["choices"][number]["delta"], finish: ChatChunk["choices"][number]["finish_reason"] = null): ChatChunk => ({
  id: "gen-1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }],
});

describe("chat answers as text completions", () => {
  it("numbers choices per prompt (prompt × n + choice), sums usage and echoes the prompts", () => {
    const completion = toTextCompletion([answer("gen-a", ["a0", "a1"]), answer("gen-b", ["b0", "b1"])], ["P: ", "Q: "], true);
    expect(completion.id).toBe("gen-a");
    expect(completion.choices.map((c) => [c.index, c.text])).toEqual([[0, "P: a0"], [1, "P: a1"], [2, "Q: b0"], [3, "Q: b1"]]);
    expect(completion.usage).toEqual({ prompt_tokens: 10, completion_tokens: 6, total_tokens: 16 });
  });

  it("drops chunks that carry nothing a completion shows, keeps text, finish, usage and errors", () => {
    expect(toTextCompletionChunk(chunk({ role: "assistant" }))).toBeNull();
    expect(toTextCompletionChunk(chunk({ reasoning: "thinking…" }))).toBeNull();
    expect(toTextCompletionChunk(chunk({ content: "Hi" }))?.choices).toEqual([{ text: "Hi", index: 0, logprobs: null, finish_reason: null, native_finish_reason: null }]);
    expect(toTextCompletionChunk(chunk({}, "stop"))?.choices[0]).toMatchObject({ text: "", finish_reason: "stop" });
    expect(toTextCompletionChunk({ ...chunk({}), choices: [], usage })).toMatchObject({ object: "text_completion", choices: [], usage });
    const failed = toTextCompletionChunk({ ...chunk({}, "error"), error: { message: "cut", code: 502 } });
    expect(failed).toMatchObject({ error: { message: "cut", code: 502 }, choices: [{ finish_reason: "error" }] });
  });

  it("streams the echoed prompt first and [DONE] last", () => {
    const out: string[] = [];
    const controller = { enqueue: (bytes: Uint8Array) => out.push(new TextDecoder().decode(bytes)) } as unknown as TransformStreamDefaultController<Uint8Array>;
    const encoder = textCompletionSseEncoder("Say: ");
    encoder.transform(chunk({ role: "assistant" }), controller);
    encoder.transform(chunk({ content: "Hi" }), controller);
    encoder.flush!(controller);
    const texts = out.filter((event) => event.startsWith("data: {")).map((event) => JSON.parse(event.slice(6)).choices[0].text);
    expect(texts).toEqual(["Say: ", "Hi"]);
    expect(out.at(-1)).toBe("data: [DONE]\n\n");
  });
});
