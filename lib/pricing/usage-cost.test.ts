import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseEnv, resetEnvCache } from "@/lib/config/env";
import { convertAnthropicUsage } from "@/lib/providers/anthropic/usage";
import { convertCohereUsage } from "@/lib/providers/cohere/usage";
import { convertGeminiUsage } from "@/lib/providers/gemini/usage";
import { convertOpenAiUsage } from "@/lib/providers/openai/usage";
import { calcPrice } from "@pydantic/genai-prices";
import { clearModelPrices, modelPrices } from "./model-prices";
import { costFields, usageCost } from "./usage-cost";

// Each case: usage as the provider reports it on the wire, and its cost worked out by hand from
// the provider's published price per million tokens (input, cache read, cache write, output).
const perMillion = (...parts: Array<[tokens: number, dollars: number]>) => parts.reduce((sum, [tokens, dollars]) => sum + tokens * dollars, 0) / 1e6;

describe("the cost of a request from the provider's reported usage", () => {
  afterEach(() => {
    delete process.env.PRICE_OVERRIDES_FILE;
    resetEnvCache();
    clearModelPrices();
  });

  it("Anthropic: uncached input, cache reads and writes, and output with thinking", () => {
    const usage = convertAnthropicUsage({ input_tokens: 1_200, cache_read_input_tokens: 3_000, cache_creation_input_tokens: 500, output_tokens: 800, output_tokens_details: { thinking_tokens: 300 } } as never);
    const cost = usageCost("anthropic", ["claude-sonnet-4-5-20250929"], usage)!;
    // Claude Sonnet 4.5: $3 input, $0.30 cache read, $3.75 cache write (5 min), $15 output.
    expect(cost.usd).toBeCloseTo(perMillion([1_200, 3], [3_000, 0.3], [500, 3.75], [800, 15]), 12);
    expect(cost.micros).toBe(18_375);
    expect(cost).toMatchObject({ source: "genai-prices", estimated: false });
  });

  it("OpenAI: cached prompt tokens at the cache price, reasoning tokens as output", () => {
    const usage = convertOpenAiUsage({ prompt_tokens: 2_000, completion_tokens: 500, total_tokens: 2_500, prompt_tokens_details: { cached_tokens: 1_024 }, completion_tokens_details: { reasoning_tokens: 384 } })!;
    const cost = usageCost("openai", ["o4-mini-2025-04-16"], usage)!;
    // o4-mini: $1.10 input, $0.275 cached input, $4.40 output (reasoning included).
    expect(cost.usd).toBeCloseTo(perMillion([976, 1.1], [1_024, 0.275], [500, 4.4]), 12);
    expect(cost.micros).toBe(3_555);
    expect(cost.promptUsd).toBeCloseTo(perMillion([976, 1.1], [1_024, 0.275]), 12);
    expect(cost.completionUsd).toBeCloseTo(perMillion([500, 4.4]), 12);
  });

  it("Gemini: cached content and thoughts, and the long-context tier past 200k prompt tokens", () => {
    const usage = convertGeminiUsage({ promptTokenCount: 10_000, cachedContentTokenCount: 4_000, candidatesTokenCount: 600, thoughtsTokenCount: 1_400, totalTokenCount: 12_000 });
    // Gemini 2.5 Flash: $0.30 input, $0.03 cached, $2.50 output (thoughts are billed as output).
    expect(usageCost("google", ["gemini-2.5-flash"], usage)!.usd).toBeCloseTo(perMillion([6_000, 0.3], [4_000, 0.03], [2_000, 2.5]), 12);
    const long = convertGeminiUsage({ promptTokenCount: 250_000, candidatesTokenCount: 1_000, totalTokenCount: 251_000 });
    // Gemini 2.5 Pro above 200k prompt tokens: $2.50 input and $15 output instead of $1.25 and $10.
    expect(usageCost("google", ["gemini-2.5-pro"], long)!.usd).toBeCloseTo(perMillion([250_000, 2.5], [1_000, 15]), 12);
  });

  it("Cohere: processed tokens at Command A's prices", () => {
    const usage = convertCohereUsage({ billed_units: { input_tokens: 900, output_tokens: 210 }, tokens: { input_tokens: 1_150, output_tokens: 210 } });
    // Command A: $2.50 input, $10 output; the prompt template's tokens are processed, so counted.
    expect(usageCost("cohere", ["command-a-03-2025"], usage)!.usd).toBeCloseTo(perMillion([1_150, 2.5], [210, 10]), 12);
  });

  it("falls back to the catalogue's prices, then to the requested name; an unknown model has no price, not $0", () => {
    const usage = { prompt_tokens: 1_000, completion_tokens: 1_000, total_tokens: 2_000 };
    expect(usageCost("together", ["Qwen/Qwen2.5-72B-Instruct-Turbo"], usage)).toMatchObject({ source: "catalog", micros: 2_400 });
    expect(usageCost("openai", ["gpt-4o-mini-custom-snapshot", "gpt-4o-mini"], usage)!.usd).toBeCloseTo(perMillion([1_000, 0.15], [1_000, 0.6]), 12);
    expect(usageCost("custom", ["my-local-llama"], usage)).toBeNull();
    expect(costFields(null)).toEqual({ cost: null, is_byok: true, cost_details: { upstream_inference_cost: null, upstream_inference_prompt_cost: null, upstream_inference_completions_cost: null } });
  });

  it("marks a cost from our own count as estimated", () => {
    const cost = usageCost("openai", ["gpt-4o-mini"], { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 }, true);
    expect(costFields(cost).cost_details).toMatchObject({ estimated: true });
  });

  it("prices token usage as genai-prices' own calculation does, for every model of our providers it lists", () => {
    const usages = [
      { prompt_tokens: 1_000, completion_tokens: 200, total_tokens: 1_200 },
      { prompt_tokens: 9_000, completion_tokens: 700, total_tokens: 9_700, prompt_tokens_details: { cached_tokens: 4_000, cache_write_tokens: 2_000 } },
      { prompt_tokens: 300_000, completion_tokens: 5_000, total_tokens: 305_000, prompt_tokens_details: { cached_tokens: 100_000 } },
    ];
    let compared = 0;
    for (const [provider, genai] of [["anthropic", "anthropic"], ["openai", "openai"], ["google", "google"], ["mistral", "mistral"], ["xai", "x-ai"], ["groq", "groq"]]) {
      for (const model of ["claude-sonnet-4-5", "claude-opus-4-1", "gpt-4o", "o4-mini", "gpt-4.1", "gemini-2.5-pro", "gemini-2.5-flash", "mistral-large-latest", "grok-4", "llama-3.3-70b-versatile"]) {
        const listed = calcPrice({}, model, { providerId: genai });
        if (!listed || Array.isArray(listed.model.prices) || !modelPrices(provider, model)) continue;
        for (const usage of usages) {
          const read = usage.prompt_tokens_details?.cached_tokens ?? 0;
          const write = usage.prompt_tokens_details?.cache_write_tokens ?? 0;
          const theirs = calcPrice({ input_tokens: usage.prompt_tokens, cache_read_tokens: read, cache_write_tokens: write, output_tokens: usage.completion_tokens }, model, { providerId: genai })!;
          expect(usageCost(provider, [model], usage)!.usd, `${provider}/${model}`).toBeCloseTo(theirs.total_price, 12);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(20);
  });

  it("takes an operator's negotiated prices from PRICE_OVERRIDES_FILE, exact model before provider/*", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prices-"));
    const file = path.join(dir, "prices.json");
    writeFileSync(file, JSON.stringify({
      "anthropic/claude-sonnet-4-5-20250929": { input_mtok: 2, output_mtok: 10, cache_read_mtok: 0.2 },
      "custom/*": { input_mtok: 0.5, output_mtok: { base: 1, tiers: [{ start: 100_000, price: 2 }] } },
    }));
    process.env.PRICE_OVERRIDES_FILE = file;
    resetEnvCache();
    const usage = { prompt_tokens: 1_000, completion_tokens: 100, total_tokens: 1_100, prompt_tokens_details: { cached_tokens: 400 } };
    expect(usageCost("anthropic", ["claude-sonnet-4-5-20250929"], usage)).toMatchObject({ source: "override", usd: perMillion([600, 2], [400, 0.2], [100, 10]) });
    expect(usageCost("custom", ["my-local-llama"], usage)!.usd).toBeCloseTo(perMillion([1_000, 0.5], [100, 1]), 12);
  });

  it("refuses a malformed override file at start-up, naming the setting and the fault", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prices-"));
    const file = path.join(dir, "prices.json");
    writeFileSync(file, JSON.stringify({ "openai/gpt-4o": { input_mtok: -1, output_mtok: 2 } }));
    expect(() => parseEnv({ PRICE_OVERRIDES_FILE: file })).toThrow(ConfigError);
    expect(() => parseEnv({ PRICE_OVERRIDES_FILE: file })).toThrow(/PRICE_OVERRIDES_FILE: .*openai\/gpt-4o\.input_mtok/);
    expect(() => parseEnv({ PRICE_OVERRIDES_FILE: path.join(dir, "missing.json") })).toThrow(/PRICE_OVERRIDES_FILE: cannot read .*ENOENT/);
  });
});
