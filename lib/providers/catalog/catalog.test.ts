import { describe, expect, it } from "vitest";
import { getProvider } from "@/lib/providers/registry";
import { catalog, findCatalogModel, resolveBareModel, splitModelId } from "./index";

const NAMED_IN_DOCS = [
  "anthropic/claude-opus-4-6", "anthropic/claude-sonnet-4-5", "anthropic/claude-haiku-4-5", "anthropic/claude-sonnet-4-20250514",
  "openai/gpt-4o", "openai/gpt-4o-mini", "openai/o1", "openai/o1-mini", "openai/text-embedding-3-small", "openai/text-embedding-3-large",
  "google/gemini-2.5-pro", "google/gemini-2.5-flash", "google/gemini-2.0-flash", "google/text-embedding-004", "google/gemini-embedding-001",
  "mistral/mistral-large-latest", "mistral/mistral-medium-latest", "mistral/codestral-latest", "mistral/mistral-embed",
  "groq/llama-3.3-70b-versatile", "groq/llama-3.1-8b-instant", "groq/gemma2-9b-it", "xai/grok-3", "xai/grok-3-mini",
  "deepseek/deepseek-chat", "deepseek/deepseek-reasoner",
  "together/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "together/Qwen/Qwen2.5-72B-Instruct-Turbo",
  "cohere/command-r-plus", "cohere/command-r", "cohere/command-a-03-2025", "cohere/embed-english-v3.0",
  "cloudflare-ai/@cf/meta/llama-3.1-8b-instruct",
];

describe("model catalog", () => {
  it("lists the models our docs name, under all eleven providers", () => {
    for (const id of NAMED_IN_DOCS) expect(findCatalogModel(id), id).toBeDefined();
    expect(new Set(catalog.map((m) => m.provider)).size).toBe(11);
    expect(catalog.filter((m) => m.provider === "openrouter").length).toBeGreaterThanOrEqual(2);
  });

  it("has well-formed rows: provider prefix, known provider, prices as decimal strings, unique ids", () => {
    expect(new Set(catalog.map((m) => m.id)).size).toBe(catalog.length);
    for (const m of catalog) {
      expect(m.id.startsWith(`${m.provider}/`), m.id).toBe(true);
      expect(getProvider(m.provider), m.id).toBeDefined();
      expect(m.pricing.prompt).toMatch(/^\d+(\.\d+)?$/);
      expect(m.pricing.completion).toMatch(/^\d+(\.\d+)?$/);
      expect(m.context_length).toBeGreaterThan(0);
    }
    expect(findCatalogModel("openai/text-embedding-3-small")).toMatchObject({ embedding: true, model: "text-embedding-3-small" });
    expect(findCatalogModel("openai/gpt-4o")).toMatchObject({ embedding: false, provider: "openai", pricing: { prompt: "2.5", completion: "10" } });
  });

  it("splits ids on known provider ids only", () => {
    expect(splitModelId("openai/gpt-4o")).toEqual({ provider: "openai", model: "gpt-4o" });
    expect(splitModelId("openrouter/anthropic/claude-3")).toEqual({ provider: "openrouter", model: "anthropic/claude-3" });
    expect(splitModelId("together/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo")).toEqual({ provider: "together", model: "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo" });
    expect(splitModelId("meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo")).toEqual({ model: "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo" });
    expect(splitModelId("cloudflare-ai/@cf/meta/llama-3.1-8b-instruct")).toEqual({ provider: "cloudflare-ai", model: "@cf/meta/llama-3.1-8b-instruct" });
    expect(splitModelId("custom/llama3.2")).toEqual({ provider: "custom", model: "llama3.2" });
    expect(splitModelId("Anthropic/claude-sonnet-4-5")).toEqual({ provider: "anthropic", model: "claude-sonnet-4-5" });
    expect(splitModelId("gpt-4o")).toEqual({ model: "gpt-4o" });
  });

  it("resolves bare names to the providers that list them", () => {
    expect(resolveBareModel("gpt-4o")).toEqual(["openai"]);
    expect(resolveBareModel("claude-sonnet-4-5")).toEqual(["anthropic"]);
    expect(resolveBareModel("meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo")).toEqual(["together"]);
    expect(resolveBareModel("@cf/meta/llama-3.1-8b-instruct")).toEqual(["cloudflare-ai"]);
    expect(resolveBareModel("anthropic/claude-sonnet-4.5")).toEqual([]);
    expect(resolveBareModel("no-such-model")).toEqual([]);
  });
});
