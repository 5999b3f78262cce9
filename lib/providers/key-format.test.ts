import { describe, expect, it } from "vitest";
import { keyPrefixProblem, keyProblem, keyShapeProblem, withArticle } from "./key-format";

describe("what a pasted key must look like", () => {
  it("refuses text with spaces and characters no key has, for every provider", () => {
    expect(keyShapeProblem("hello world this is not a key")).toBe("cannot contain spaces: paste the key alone");
    expect(keyShapeProblem("sk-proj-abc\tdef")).toBe("cannot contain spaces: paste the key alone");
    expect(keyShapeProblem("••••••••1234")).toMatch(/^can only contain plain letters/);
    expect(keyShapeProblem("“sk-proj-abcdef”")).toMatch(/^can only contain plain letters/);
    expect(keyShapeProblem("  sk-proj-abcdef1234  ")).toBeNull();
    expect(keyProblem("custom", "hello world this is not a key")).toBe("cannot contain spaces: paste the key alone");
  });

  it("refuses keys too short to be any provider's", () => {
    expect(keyProblem("mistral", "abc1234")).toBe("must be at least 8 characters");
    expect(keyProblem("mistral", "abcd1234")).toBeNull();
  });

  it("holds keys to their provider's known prefixes, naming the provider a mismatched key belongs to", () => {
    expect(keyPrefixProblem("openai", "gsk_live-groq-key-4321")).toBe("does not look like an OpenAI key, which starts with sk-; it looks like a Groq key");
    expect(keyPrefixProblem("anthropic", "helloworldnotakey")).toBe("does not look like an Anthropic key, which starts with sk-ant-");
    expect(keyPrefixProblem("google", "sk-proj-abcdef")).toBe("does not look like a Google Gemini key, which starts with AIza; it looks like an OpenAI key");
    for (const [provider, key] of [["openai", "sk-proj-abc"], ["anthropic", "sk-ant-oat01-abc"], ["groq", "gsk_abc"], ["xai", "xai-abc"], ["openrouter", "sk-or-v1-abc"], ["google", "AIzaSyabc"], ["deepseek", "sk-abc"]]) {
      expect(keyPrefixProblem(provider, key), provider).toBeNull();
    }
    // No known format: only the shape rules apply.
    for (const provider of ["mistral", "cohere", "together", "cloudflare-ai", "custom"]) expect(keyPrefixProblem(provider, "anything-at-all-1234")).toBeNull();
  });

  it("puts a or an before a provider's name", () => {
    expect(["OpenAI", "Anthropic", "xAI", "OpenRouter", "Groq", "Google Gemini", "DeepSeek", "Mistral"].map(withArticle)).toEqual([
      "an OpenAI", "an Anthropic", "an xAI", "an OpenRouter", "a Groq", "a Google Gemini", "a DeepSeek", "a Mistral",
    ]);
  });
});
