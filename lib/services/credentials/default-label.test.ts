import { describe, expect, it } from "vitest";
import { defaultLabel } from "./default-label";

describe("default names of unlabelled credentials", () => {
  it("numbers a provider's second and later keys, filling gaps", () => {
    expect(defaultLabel("OpenAI", [])).toBe("OpenAI");
    expect(defaultLabel("OpenAI", ["Work", "Anthropic"])).toBe("OpenAI");
    expect(defaultLabel("OpenAI", ["OpenAI"])).toBe("OpenAI 2");
    expect(defaultLabel("OpenAI", ["OpenAI", "OpenAI 2"])).toBe("OpenAI 3");
    expect(defaultLabel("OpenAI", ["OpenAI 2", "OpenAI 3"])).toBe("OpenAI");
    expect(defaultLabel("OpenAI", ["OpenAI", "OpenAI 3"])).toBe("OpenAI 2");
  });
});
