import { describe, expect, it } from "vitest";
import { modelCard, traitsOf } from "@/lib/gateway/models/model-card";
import { filterTargets } from "@/lib/gateway/routing/provider-preferences";
import { catalog } from "@/lib/providers/catalog";
import type { ChatRequest } from "@/lib/providers/types";

/** Each request parameter the Models API names, set as a client would set it. */
const SAMPLES: Partial<ChatRequest> = {
  max_tokens: 64, temperature: 0.3, top_p: 0.9, top_k: 40, frequency_penalty: 0.2, presence_penalty: 0.2, repetition_penalty: 1.1,
  stop: ["END"], seed: 7, logit_bias: { "50256": -100 }, logprobs: true, top_logprobs: 2, response_format: { type: "json_object" },
  tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: {} } } }], tool_choice: "auto", parallel_tool_calls: false,
  reasoning: { effort: "low" }, reasoning_effort: "low",
};
const TOOLS = ["tools", "tool_choice", "parallel_tool_calls"];
const REASONING = ["reasoning", "reasoning_effort"];

describe("supported parameters: one fact for the Models API and provider.require_parameters", () => {
  it("lists a parameter for a model exactly when require_parameters keeps its provider, for every provider (tools and reasoning only where the model has them)", () => {
    const disagreements: string[] = [];
    const providers = new Set<string>();
    for (const entry of catalog.filter((e) => !e.embedding)) {
      providers.add(entry.provider);
      const listed = new Set(modelCard(entry, "https://api.test").supported_parameters);
      const traits = traitsOf(entry);
      for (const [name, value] of Object.entries(SAMPLES)) {
        const request: ChatRequest = { model: entry.id, messages: [{ role: "user", content: "hi" }], [name]: value };
        const target = { provider: entry.provider, model: entry.model, requested: entry.id };
        const accepted = filterTargets([target], { require_parameters: true }, request).kept.length === 1;
        // The Models API leaves out tools and reasoning for a model without them; require_parameters asks only the provider.
        const hidden = (TOOLS.includes(name) && !traits.tools) || (REASONING.includes(name) && !traits.reasoning);
        if (listed.has(name) !== (accepted && !hidden)) disagreements.push(`${entry.id} ${name}: listed ${listed.has(name)}, require_parameters ${accepted ? "keeps" : "excludes"} it`);
      }
    }
    expect(disagreements).toEqual([]);
    expect([...providers].sort()).toEqual(["anthropic", "cloudflare-ai", "cohere", "deepseek", "google", "groq", "mistral", "openai", "openrouter", "together", "xai"]);
  });
});
