import { describe, expect, it } from "vitest";
import aliasTable from "@/lib/providers/catalog/openrouter-ids.json";
import { getProvider } from "@/lib/providers/registry";
import { parseModelId } from "./model-id";
import { resolveTargets } from "./resolve-model";

const resolve = (id: string, ...providers: string[]) => resolveTargets(parseModelId(id), new Set(providers))?.map((t) => `${t.provider}:${t.model}`) ?? null;

describe("OpenRouter model ids and variants", () => {
  it("takes known variants and presets off the id, and leaves other colons in the name", () => {
    expect(parseModelId("openai/gpt-oss-20b:free:online")).toEqual({ id: "openai/gpt-oss-20b:free:online", base: "openai/gpt-oss-20b", variants: new Set(["online", "free"]) });
    expect(parseModelId("openai/gpt-4o:nitro@preset/support")).toMatchObject({ base: "openai/gpt-4o", variants: new Set(["nitro"]), preset: "support" });
    expect(parseModelId("@preset/support")).toMatchObject({ base: "", preset: "support" });
    expect(parseModelId("custom/llama3.1:8b")).toMatchObject({ base: "custom/llama3.1:8b", variants: new Set() });
  });

  it("serves OpenRouter's ids at the caller's own providers first, OpenRouter (with its id unchanged) last", () => {
    expect(resolve("anthropic/claude-sonnet-4.5", "anthropic", "openrouter")).toEqual(["anthropic:claude-sonnet-4-5", "openrouter:anthropic/claude-sonnet-4.5"]);
    expect(resolve("anthropic/claude-3.5-haiku:thinking", "anthropic", "openrouter")).toEqual(["anthropic:claude-3-5-haiku", "openrouter:anthropic/claude-3.5-haiku:thinking"]);
    expect(resolve("x-ai/grok-4:online", "xai", "openrouter")).toEqual(["xai:grok-4", "openrouter:x-ai/grok-4:online"]);
    expect(resolve("mistralai/mistral-large", "mistral")).toEqual(["mistral:mistral-large-latest"]);
    expect(resolve("meta-llama/llama-3.3-70b-instruct", "together", "groq")).toEqual(["groq:llama-3.3-70b-versatile", "together:meta-llama/Llama-3.3-70B-Instruct-Turbo"]);
    expect(resolve("qwen/qwen-2.5-72b-instruct", "together")).toEqual(["together:Qwen/Qwen2.5-72B-Instruct-Turbo"]);
    expect(resolve("moonshotai/kimi-k2", "groq")).toEqual(["groq:moonshotai/kimi-k2-instruct"]);
    expect(resolve("openai/gpt-oss-120b", "openai", "groq")).toEqual(["groq:openai/gpt-oss-120b"]);
    expect(resolve("meta-llama/llama-3.3-70b-instruct:floor", "openrouter")).toEqual(["openrouter:meta-llama/llama-3.3-70b-instruct:floor"]);
  });

  it("sends our own spellings to OpenRouter under its ids", () => {
    expect(resolve("anthropic/claude-sonnet-4-5:online", "openrouter")).toEqual(["openrouter:anthropic/claude-sonnet-4.5:online"]);
    expect(resolve("groq/llama-3.3-70b-versatile", "openrouter")).toEqual(["openrouter:meta-llama/llama-3.3-70b-instruct"]);
    expect(resolve("xai/grok-3", "openrouter")).toEqual(["openrouter:x-ai/grok-3"]);
    expect(resolve("gpt-4o", "openai", "openrouter")).toEqual(["openai:gpt-4o", "openrouter:openai/gpt-4o"]);
    expect(resolve("openrouter/anthropic/claude-sonnet-4.5:nitro", "anthropic", "openrouter")).toEqual(["openrouter:anthropic/claude-sonnet-4.5:nitro"]);
  });

  it("sends openrouter/auto to OpenRouter as is, and otherwise picks among the caller's own providers", () => {
    expect(resolve("openrouter/auto", "openrouter", "google")).toEqual(["openrouter:openrouter/auto", "google:gemini-2.5-pro"]);
    expect(resolve("openrouter/auto", "google", "anthropic")).toEqual(["anthropic:claude-sonnet-4-5", "google:gemini-2.5-pro"]);
    expect(resolve("openrouter/auto", "custom")).toEqual([]);
    expect(resolve("@preset/support", "openrouter", "openai")).toEqual(["openrouter:@preset/support"]);
  });

  it("keeps an alias table that names only providers we have, and each provider's model under one OpenRouter id", () => {
    const seen = new Set<string>();
    for (const [id, targets] of Object.entries(aliasTable.aliases)) {
      expect(id, id).toMatch(/^[a-z0-9-]+\/[a-z0-9.-]+$/);
      for (const target of targets) {
        expect(getProvider(target.split("/")[0]), `${id} → ${target}`).toBeDefined();
        expect(seen.has(target), `${target} has two OpenRouter ids`).toBe(false);
        seen.add(target);
      }
    }
    for (const pick of aliasTable.auto) expect(getProvider(pick.split("/")[0]), pick).toBeDefined();
  });
});
