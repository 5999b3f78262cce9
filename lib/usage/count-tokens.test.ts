import { describe, expect, it } from "vitest";
import { countPromptTokens, countTokens } from "./count-tokens";

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
});
