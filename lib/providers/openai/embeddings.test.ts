import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import { fixture } from "@/test/support/sse-fixture";
import { buildOpenAiEmbeddingsRequest, parseOpenAiEmbeddingsResponse } from "./embeddings";

const recorded = JSON.parse(fixture("openai", "embeddings-float.json"));

describe("OpenAI embeddings", () => {
  it("posts the client's request with the upstream model, passing encoding_format and dropping input_type", () => {
    const request = buildOpenAiEmbeddingsRequest({ model: "openai/text-embedding-3-small", input: ["a", "b"], encoding_format: "base64", input_type: "search_query", dimensions: 256 }, testContext({ model: "text-embedding-3-small" }));
    expect(request.url).toBe("https://api.openai.com/v1/embeddings");
    expect(request.headers.authorization).toBe("Bearer sk-proj-test");
    expect(JSON.parse(request.body!)).toEqual({ model: "text-embedding-3-small", input: ["a", "b"], encoding_format: "base64", dimensions: 256 });
  });

  it("reads the float list and its usage", () => {
    const response = parseOpenAiEmbeddingsResponse(recorded, testContext(), { model: "x", input: ["a", "b"] });
    expect(response).toMatchObject({ object: "list", model: "text-embedding-3-small", usage: { prompt_tokens: 9, total_tokens: 9 } });
    expect(response.data[1]).toEqual({ object: "embedding", index: 1, embedding: [-0.0105371, 0.02091845, 0.0030761, 0.011245] });
  });

  it("passes base64 through, and encodes floats when the client asked for base64 and the upstream ignored it", () => {
    const encoded = parseOpenAiEmbeddingsResponse({ data: [{ index: 0, embedding: "AACAPwAAAMA=" }] }, testContext(), { model: "x", input: "a", encoding_format: "base64" });
    expect(encoded.data[0].embedding).toBe("AACAPwAAAMA=");
    const converted = parseOpenAiEmbeddingsResponse({ data: [{ index: 0, embedding: [1, -2] }] }, testContext(), { model: "x", input: "a", encoding_format: "base64" });
    expect(converted.data[0].embedding).toBe("AACAPwAAAMA=");
  });
});
