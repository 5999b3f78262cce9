import { describe, expect, it } from "vitest";
import { createKeySchema } from "./api-keys/key-input";
import { newCredentialSchema } from "./credentials/credential-input";
import { plainText } from "./plain-text";

describe("names and labels people type", () => {
  it("takes any printable text, emoji and accents included, and refuses what a text column or a page cannot hold", () => {
    const name = plainText(100, 1);
    expect(name.parse("  Café 😀 key  ")).toBe("Café 😀 key");
    for (const bad of ["a\u0000b", "half \ud800", "\udc00 half", "line\nbreak", "bell\u0007", "c1\u0085"]) {
      expect(name.safeParse(bad).error?.issues[0].message, JSON.stringify(bad)).toBe("must not contain control characters or unpaired surrogates");
    }
  });

  it("guards the stored names: API key names and credential labels (a NUL was a 500 on save)", () => {
    expect(createKeySchema.safeParse({ name: "\u0000gpt-4o" }).success).toBe(false);
    expect(newCredentialSchema.safeParse({ provider: "openai", secret: "sk-12345678", label: "x\ud800" }).success).toBe(false);
  });
});
