import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { CITED_SENTENCE, SEARCH_RESULT } from "@/test/fake-upstream/web-search";

type OpenRouterBody = OpenAI.ChatCompletionCreateParamsNonStreaming & Record<string, unknown>;
type Annotation = OpenAI.ChatCompletionMessage.Annotation & { url_citation: { content?: string } };
const question: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "Any news?" }];

/** The fake's one search result, cited over the answer's last sentence. */
function expectCitation(text: string | null | undefined, annotations: Annotation[] | undefined) {
  expect(text).toBe(`Echo: Any news? ${CITED_SENTENCE}`);
  expect(annotations).toEqual([{ type: "url_citation", url_citation: expect.objectContaining({ url: SEARCH_RESULT.url, title: SEARCH_RESULT.title, start_index: text!.length - CITED_SENTENCE.length, end_index: text!.length }) }]);
}

describe("web search through each provider's own search, citations as annotations", () => {
  let gateway: Gateway;
  let direct: OpenAI;
  let router: OpenAI;
  const KEYS = { anthropic: "sk-ant-api03-search", openai: "sk-proj-search", google: "AIza-search", groq: "gsk_search", openrouter: "sk-or-v1-search" };
  const sentWith = (key: string) => gateway.fake.requests.filter((r) => r.credential === key).at(-1)!;
  const create = (client: OpenAI, body: Partial<OpenRouterBody>) => client.chat.completions.create({ messages: question, ...body } as OpenRouterBody);

  /** The streamed answer's text and annotations, read as the SDK's own stream helper assembles them. */
  async function streamed(client: OpenAI, body: Partial<OpenRouterBody>) {
    const stream = await client.chat.completions.create({ messages: question, ...body, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
    let text = "";
    const annotations: Annotation[] = [];
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as (OpenAI.ChatCompletionChunk.Choice.Delta & { annotations?: Annotation[] }) | undefined;
      text += delta?.content ?? "";
      annotations.push(...(delta?.annotations ?? []));
    }
    return { text, annotations };
  }

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const credentials = ["anthropic", "openai", "google", "groq"].map((provider) => ({ provider, key: KEYS[provider as keyof typeof KEYS] }));
    direct = new OpenAI({ apiKey: (await gateway.newUser("search-direct@example.com", credentials)).token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const routerToken = (await gateway.newUser("search-router@example.com", [{ provider: "openrouter", key: KEYS.openrouter }])).token;
    router = new OpenAI({ apiKey: routerToken, baseURL: `${gateway.url}/api/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  it(":online on Claude uses Anthropic's web search tool; the citations come back, plain and streamed", async () => {
    const answer = await create(direct, { model: "anthropic/claude-sonnet-4.5:online" });
    expect(sentWith(KEYS.anthropic).body.tools).toEqual([{ type: "web_search_20250305", name: "web_search" }]);
    expectCitation(answer.choices[0].message.content, answer.choices[0].message.annotations as Annotation[]);
    expect(answer.choices[0].message.tool_calls).toBeUndefined();
    const { text, annotations } = await streamed(direct, { model: "anthropic/claude-sonnet-4.5:online" });
    expectCitation(text, annotations);
  });

  it("OpenRouter's web search server tool and web plugin on Gemini use Google Search grounding", async () => {
    const tool = { type: "openrouter:web_search", parameters: { max_results: 3 } };
    const answer = await create(direct, { model: "google/gemini-2.5-flash", tools: [tool] as never });
    expect(sentWith(KEYS.google).body.tools).toEqual([{ google_search: {} }]);
    expectCitation(answer.choices[0].message.content, answer.choices[0].message.annotations as Annotation[]);
    const { text, annotations } = await streamed(direct, { model: "google/gemini-2.5-flash", plugins: [{ id: "web", max_results: 2 }] });
    expectCitation(text, annotations);
  });

  it("web_search_options on an OpenAI model goes to its search model, which OpenAI's own API accepts", async () => {
    const answer = await create(direct, { model: "openai/gpt-4o", web_search_options: { search_context_size: "low" }, temperature: 0.3 });
    expect(sentWith(KEYS.openai).body).toMatchObject({ model: "gpt-4o-search-preview", web_search_options: { search_context_size: "low" } });
    expect(sentWith(KEYS.openai).body.temperature).toBeUndefined();
    expectCitation(answer.choices[0].message.content, answer.choices[0].message.annotations as Annotation[]);
    const { text, annotations } = await streamed(direct, { model: "openai/gpt-4o-mini:online" });
    expect(sentWith(KEYS.openai).body.model).toBe("gpt-4o-mini-search-preview");
    expectCitation(text, annotations);
  });

  it("says in a 400 where the provider has no web search, before any upstream call", async () => {
    const before = gateway.fake.requests.length;
    await expect(create(direct, { model: "groq/llama-3.3-70b-versatile:online" })).rejects.toMatchObject({
      status: 400, error: { type: "invalid_request_error", message: expect.stringContaining("Groq has no server-side web search") },
    });
    await expect(create(direct, { model: "openai/gpt-4.1", plugins: [{ id: "web" }] })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("gpt-4.1 has none") });
    expect(gateway.fake.requests.length).toBe(before);
  });

  it("sends :online, the plugin and the server tool unchanged to an OpenRouter credential, and passes its citations on", async () => {
    const tool = { type: "openrouter:web_search", parameters: { engine: "exa", max_results: 2 } };
    const answer = await create(router, { model: "openai/gpt-4o:online", plugins: [{ id: "web", search_prompt: "Results:" }], tools: [tool] as never });
    expect(sentWith(KEYS.openrouter).body).toMatchObject({ model: "openai/gpt-4o:online", plugins: [{ id: "web", search_prompt: "Results:" }], tools: [tool] });
    const annotations = answer.choices[0].message.annotations as Annotation[];
    expectCitation(answer.choices[0].message.content, annotations);
    expect(annotations[0].url_citation.content).toBe(SEARCH_RESULT.snippet);
  });
});
