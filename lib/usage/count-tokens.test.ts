import { describe, expect, it } from "vitest";
import { cjkText } from "@/test/support/attack-inputs";
import { countPromptTokens, countTokens, tokenizerBacklog } from "./count-tokens";

describe("token counting for providers that report no usage", () => {
  it("counts with the o200k_base tokenizer", async () => {
    expect(await countTokens("")).toBe(0);
    expect(await countTokens("Hello, world!")).toBe(4);
    expect(await countTokens("The quick brown fox jumps over the lazy dog.")).toBe(10);
  });

  it("counts text that looks like a special token as plain text, as the provider would see it", async () => {
    expect(await countTokens("a <|endoftext|> b")).toBe(9);
  });

  it("adds per-message framing to chat prompts", async () => {
    const n = await countPromptTokens([
      { role: "system", content: "You are helpful." },
      { role: "user", content: [{ type: "text", text: "Hello, world!" }] },
    ]);
    expect(n).toBe(3 + (4 + 4) + (4 + 4));
  });

  it("counts text without spaces in bounded pieces, so no input makes the count run for minutes", async () => {
    // Counted whole, 100,000 x's took 8 s and 200,000 CJK characters 280 s (BPE is quadratic in a pre-token).
    expect(await countTokens("x".repeat(100_000))).toBe(12_500);
    const cjk = cjkText(200_000);
    expect(await countTokens(cjk)).toBeGreaterThan(150_000);
  });

  it("drops a count whose caller left", async () => {
    const leaving = new AbortController();
    const counting = countTokens(cjkText(300_000), { tenant: "leaving", signal: leaving.signal });
    leaving.abort(new Error("client left"));
    await expect(counting).rejects.toThrow("client left");
    expect(tokenizerBacklog("leaving")).toBe(0);
  });
});
