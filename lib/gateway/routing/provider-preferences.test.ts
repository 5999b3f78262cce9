import { describe, expect, it } from "vitest";
import type { ChatRequest } from "@/lib/providers/types";
import { recordLatency } from "./latency-book";
import { parseModelId } from "./model-id";
import { filterTargets, orderAttempts } from "./provider-preferences";
import type { ModelTarget } from "./resolve-model";
import { applyVariants } from "./variant-targets";

const chat = (extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: "m", messages: [{ role: "user", content: "hi" }], ...extra });
const target = (provider: string, model: string): ModelTarget => ({ provider, model, requested: model });
const llama = [target("groq", "llama-3.3-70b-versatile"), target("together", "meta-llama/Llama-3.3-70B-Instruct-Turbo"), target("openrouter", "meta-llama/llama-3.3-70b-instruct")];
const names = (targets: Array<{ provider: string }>) => targets.map((t) => t.provider);
const attempt = (t: ModelTarget, id: string) => ({ ...t, credential: { id } });

describe("provider preferences over the caller's own providers", () => {
  it("leaves out what only, ignore and allow_fallbacks exclude, OpenRouter (which applies them itself) only when ignored", () => {
    expect(names(filterTargets(llama, { only: ["Together"] }, chat()).kept)).toEqual(["together", "openrouter"]);
    expect(names(filterTargets(llama, { ignore: ["groq", "OpenRouter"] }, chat()).kept)).toEqual(["together"]);
    expect(names(filterTargets(llama, { order: ["Together"], allow_fallbacks: false }, chat()).kept)).toEqual(["together", "openrouter"]);
    expect(filterTargets(llama, { ignore: ["Groq"] }, chat()).excluded).toEqual(["Groq is in provider.ignore"]);
  });

  it("keeps to providers that take every parameter when require_parameters is set", () => {
    const targets = [target("anthropic", "claude-sonnet-4-5"), target("openai", "gpt-4o")];
    const { kept, excluded } = filterTargets(targets, { require_parameters: true }, chat({ seed: 7, logit_bias: { "50256": -100 } }));
    expect(names(kept)).toEqual(["openai"]);
    expect(excluded).toEqual(["Anthropic does not support seed, logit_bias (provider.require_parameters)"]);
    expect(names(filterTargets(targets, { require_parameters: true }, chat({ temperature: 0.2 })).kept)).toEqual(["anthropic", "openai"]);
  });

  it("leaves out providers priced above max_price (USD per million tokens)", () => {
    const targets = [target("anthropic", "claude-sonnet-4-5"), target("openai", "gpt-4o-mini"), target("custom", "local")];
    expect(names(filterTargets(targets, { max_price: { prompt: 1, completion: 2 } }, chat()).kept)).toEqual(["openai", "custom"]);
  });

  it("orders by provider.order, then by price for :floor, keeping each provider's credentials in strategy order", () => {
    const attempts = [attempt(llama[1], "t1"), attempt(llama[1], "t2"), attempt(llama[0], "g1"), attempt(llama[2], "o1")];
    // The catalog's prices (input + output): OpenRouter 0.53, Groq 1.38, Together 1.76.
    expect(orderAttempts(attempts, undefined, "price").map((a) => a.credential.id)).toEqual(["o1", "g1", "t1", "t2"]);
    expect(orderAttempts(attempts, { order: ["Together"] }, "price").map((a) => a.credential.id)).toEqual(["t1", "t2", "o1", "g1"]);
    expect(orderAttempts(attempts, { allow_fallbacks: false }, undefined).map((a) => a.credential.id)).toEqual(["t1", "t2"]);
  });

  it("orders by measured latency for throughput and latency, unmeasured credentials after", () => {
    recordLatency("slow", "llama-3.3-70b-versatile", 900);
    recordLatency("fast", "meta-llama/Llama-3.3-70B-Instruct-Turbo", 100);
    const attempts = [attempt(llama[2], "never-measured"), attempt(llama[0], "slow"), attempt(llama[1], "fast")];
    expect(orderAttempts(attempts, undefined, "throughput").map((a) => a.credential.id)).toEqual(["fast", "slow", "never-measured"]);
  });
});

describe("model variants over the caller's own providers", () => {
  const kept = (id: string, targets: ModelTarget[], request = chat()) => applyVariants(parseModelId(id), targets, request);

  it("turns reasoning on for :thinking, unless the request says otherwise", () => {
    expect(kept("anthropic/claude-sonnet-4.5:thinking", [target("anthropic", "claude-sonnet-4-5")]).kept[0].overrides).toEqual({ reasoning: { enabled: true } });
    expect(kept("anthropic/claude-sonnet-4.5:thinking", [target("anthropic", "claude-sonnet-4-5")], chat({ reasoning: { effort: "low" } })).kept[0].overrides).toBeUndefined();
  });

  it("refuses :free, :exacto and presets at direct providers, with the reason, and leaves them to OpenRouter", () => {
    const result = kept("openai/gpt-oss-20b:free", [target("groq", "openai/gpt-oss-20b"), target("openrouter", "openai/gpt-oss-20b:free")]);
    expect(names(result.kept)).toEqual(["openrouter"]);
    expect(result.excluded).toEqual(["':free' asks for OpenRouter's free endpoints of the model: only an OpenRouter credential can serve it"]);
    expect(kept("openai/gpt-4o", [target("openai", "gpt-4o")], chat({ preset: "support" })).excluded[0]).toMatch(/presets are saved at OpenRouter/);
  });

  it("asks each provider for its own web search for :online, and says which have none", () => {
    const result = kept("openai/gpt-4o:online", [target("openai", "gpt-4o"), target("anthropic", "claude-sonnet-4-5"), target("groq", "llama-3.1-8b-instant")]);
    expect(result.kept.map((t) => [t.provider, t.model, t.overrides?.web_search_options])).toEqual([["openai", "gpt-4o-search-preview", {}], ["anthropic", "claude-sonnet-4-5", {}]]);
    expect(result.excluded).toEqual(["web search: Groq has no server-side web search"]);
    expect(kept("openai/gpt-4.1:online", [target("openai", "gpt-4.1")]).excluded[0]).toMatch(/only with its search models .* gpt-4.1 has none/);
  });

  it("reads the web plugin and the server tool, whose engine and domain filters it keeps or refuses", () => {
    const tool = { type: "openrouter:web_search" as const, parameters: { excluded_domains: ["spam.example"], search_context_size: "low" as const } };
    const withTool = kept("anthropic/claude-sonnet-4.5", [target("anthropic", "claude-sonnet-4-5")], chat({ tools: [tool], plugins: [{ id: "web" }] }));
    expect(withTool.kept[0].overrides).toEqual({ web_search_options: { excluded_domains: ["spam.example"], search_context_size: "low" }, tools: undefined, plugins: undefined });
    const exa = kept("anthropic/claude-sonnet-4.5", [target("anthropic", "claude-sonnet-4-5")], chat({ plugins: [{ id: "web", engine: "exa" }] }));
    expect(exa.excluded).toEqual(["web search: the 'exa' search engine runs on OpenRouter, not at Anthropic"]);
  });
});
