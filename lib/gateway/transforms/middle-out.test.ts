import { describe, expect, it } from "vitest";
import type { ChatMessage, ChatRequest } from "@/lib/providers/types";
import { countPromptTokens } from "@/lib/usage/count-tokens";
import { middleOut, modelLimits } from "./middle-out";
import { CUT_MARKER, cutMiddle, planMiddleOut } from "./middle-out-plan";

const user = (content: string): ChatMessage => ({ role: "user", content });
const assistant = (content: string): ChatMessage => ({ role: "assistant", content });
const words = (n: number, word = "lorem") => Array.from({ length: n }, (_, i) => `${word}${i % 10}`).join(" ");
/** A conversation of `turns` user/assistant pairs of about `size` tokens each, numbered so we can tell them apart. */
function conversation(turns: number, size: number): ChatMessage[] {
  return [{ role: "system", content: "Be brief." }, ...Array.from({ length: turns }, (_, i) => [user(`turn ${i}: ${words(size)}`), assistant(`answer ${i}`)]).flat()];
}
const request = (messages: ChatMessage[], extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: "m", messages, ...extra });
const turnsOf = (messages: ChatMessage[]) => messages.map((m) => String(m.content).match(/^(turn|answer) (\d+)/)?.slice(1).join(" ") ?? m.role);

describe("middle-out", () => {
  it("drops messages from the middle, keeping the system prompt, the first and the last, and a tool call with its results", () => {
    const call = { id: "c1", type: "function" as const, function: { name: "f", arguments: "{}" } };
    const messages: ChatMessage[] = [
      { role: "system", content: "s" }, user("first"), { role: "assistant", content: null, tool_calls: [call] }, { role: "tool", tool_call_id: "c1", content: "r" },
      user("middle"), assistant("reply"), user("last"),
    ];
    const counts = [10, 10, 10, 10, 10, 10, 10];
    expect(planMiddleOut(messages, counts, 1000).keep).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(planMiddleOut(messages, counts, 3 + 50)).toEqual({ keep: [0, 1, 2, 3, 6], tokens: 53 });
    expect(planMiddleOut(messages, counts, 3 + 30).keep).toEqual([0, 1, 6]);
    expect(planMiddleOut(messages, counts, 0).keep).toEqual([0, 1, 6]);
  });

  it("keeps half from the start and half from the end past a provider's message limit", () => {
    const messages = Array.from({ length: 1200 }, (_, i) => user(String(i)));
    const { keep } = planMiddleOut(messages, messages.map(() => 5), Infinity, 1000);
    expect(keep).toHaveLength(1000);
    expect(keep.slice(0, 500)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(keep.slice(500)).toEqual(Array.from({ length: 500 }, (_, i) => 700 + i));
  });

  it("cuts text out of the middle without splitting a character", () => {
    expect(cutMiddle("abcdefghij", 4)).toBe(`ab${CUT_MARKER}j`);
    expect(cutMiddle("😀😀😀😀😀😀", 5)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("is on by default for a model of 8k context: an over-long conversation loses its middle turns and fits", async () => {
    const limits = modelLimits("groq", "gemma2-9b-it");
    expect(limits.contextLength).toBe(8192);
    const long = request(conversation(40, 300), { max_tokens: 500 });
    expect(await countPromptTokens(long.messages)).toBeGreaterThan(8192);
    const shortened = await middleOut(long, limits);
    expect(await countPromptTokens(shortened.messages)).toBeLessThanOrEqual(8192 - 500);
    const turns = turnsOf(shortened.messages);
    expect(turns.slice(0, 2)).toEqual(["system", "turn 0"]);
    expect(turns.at(-1)).toBe("answer 39");
    expect(turns).not.toContain("turn 20");
    expect(await middleOut(request(long.messages, { transforms: [] }), limits)).toEqual(request(long.messages, { transforms: [] }));
  });

  it("leaves a prompt that fits untouched, and is off by default for large contexts", async () => {
    const short = request(conversation(2, 20));
    expect(await middleOut(short, modelLimits("groq", "gemma2-9b-it"))).toBe(short);
    const long = request(conversation(40, 300));
    expect(await middleOut(long, { contextLength: 200_000 })).toBe(long);
  });

  it("shortens one over-long message from its middle when asked, keeping its start and end", async () => {
    const single = request([user(`START ${words(3000, "filler")} END`)], { transforms: ["middle-out"], max_tokens: 100 });
    const shortened = await middleOut(single, { contextLength: 1000 });
    const text = String(shortened.messages[0].content);
    expect(await countPromptTokens(shortened.messages)).toBeLessThanOrEqual(900);
    expect(text.startsWith("START ")).toBe(true);
    expect(text.endsWith(" END")).toBe(true);
    expect(text).toContain(CUT_MARKER);
  });
});
