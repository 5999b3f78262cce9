import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/providers/catalog";
import { modelCard } from "./model-card";
import { matchesQuery, modelPage, parseModelQuery } from "./model-query";

const cards = catalog.map((entry) => modelCard(entry, "https://api.test"));
const query = (search: string) => parseModelQuery(new URL(`https://api.test/api/v1/models?${search}`));
const ids = (search: string) => cards.filter((card) => matchesQuery(card, query(search))).map((card) => card.id);

describe("OpenRouter's model filters", () => {
  it("keeps models with every listed parameter and input, any listed output", () => {
    const tools = ids("supported_parameters=tools,reasoning");
    expect(tools).toContain("anthropic/claude-sonnet-4-5");
    expect(tools).not.toContain("openai/gpt-4o");
    expect(ids("input_modalities=image,audio")).toEqual(expect.arrayContaining(["google/gemini-2.5-flash"]));
    expect(ids("input_modalities=image,audio")).not.toContain("anthropic/claude-sonnet-4-5");
    expect(ids("output_modalities=embeddings").every((id) => catalog.find((e) => e.id === id)?.embedding)).toBe(true);
    expect(ids("output_modalities=all")).toHaveLength(cards.length);
    expect(ids("providers=groq&q=llama&context=100000")).toEqual(["groq/llama-3.3-70b-versatile", "groq/llama-3.1-8b-instant"]);
  });

  it("never lists a parameter the provider refuses", () => {
    const groq = cards.find((card) => card.id === "groq/llama-3.3-70b-versatile")!;
    expect(groq.supported_parameters).not.toContain("logprobs");
    expect(groq.supported_parameters).toContain("tools");
    expect(cards.find((card) => card.id === "openai/gpt-4o")!.supported_parameters).not.toContain("top_k");
    expect(cards.find((card) => card.id === "openai/text-embedding-3-small")!.supported_parameters).toEqual([]);
  });

  it("pages with offset and limit, linking the next page while there is one", () => {
    const url = new URL("https://api.test/api/v1/models?limit=20&q=");
    const first = modelPage(cards, query("limit=20"), url);
    expect(first).toMatchObject({ total_count: cards.length, links: { next: "/api/v1/models?limit=20&q=&offset=20" } });
    expect(first.data).toHaveLength(20);
    const last = modelPage(cards, query(`limit=20&offset=${cards.length - 5}`), url);
    expect(last.data).toHaveLength(5);
    expect(last.links.next).toBeNull();
    expect(() => query("limit=0")).toThrow();
  });
});
