import { describe, expect, it } from "vitest";
import type { UpstreamContext } from "@/lib/providers/types";
import { fixture } from "@/test/support/sse-fixture";
import { buildCohereEmbeddingsRequest, parseCohereEmbeddingsResponse } from "./embeddings";
import { parseCohereErrorBody } from "./errors";
import { buildCohereModelsRequest, parseCohereModelsResponse } from "./models";

const ctx: UpstreamContext = {
  provider: "cohere", baseUrl: "https://api.cohere.com", model: "embed-v4.0", id: "gen-1", created: 1_750_000_000,
  credential: { secret: "co-fake-key", kind: "api_key" },
};
const embed = () => JSON.parse(fixture("cohere", "embed.json"));

describe("Cohere embeddings", () => {
  it("posts texts to /v2/embed asking for floats, search_document unless told otherwise", () => {
    const request = buildCohereEmbeddingsRequest({ model: "x", input: ["hello world", "goodbye world"], dimensions: 256 }, ctx);
    expect(request).toMatchObject({ url: "https://api.cohere.com/v2/embed", method: "POST", headers: { authorization: "Bearer co-fake-key" } });
    expect(JSON.parse(request.body!)).toEqual({ model: "embed-v4.0", texts: ["hello world", "goodbye world"], input_type: "search_document", embedding_types: ["float"], output_dimension: 256 });
    expect(JSON.parse(buildCohereEmbeddingsRequest({ model: "x", input: "q", input_type: "search_query" }, ctx).body!).input_type).toBe("search_query");
    expect(JSON.parse(buildCohereEmbeddingsRequest({ model: "x", input: "q", input_type: "RETRIEVAL_QUERY" }, ctx).body!).input_type).toBe("search_query");
    expect(() => buildCohereEmbeddingsRequest({ model: "x", input: [[1, 2]] }, ctx)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("returns embeddings.float as floats with billed input tokens", () => {
    const result = parseCohereEmbeddingsResponse(embed(), ctx, { model: "x", input: ["hello world", "goodbye world"] });
    expect(result.data.map((d) => [d.index, (d.embedding as number[]).length])).toEqual([[0, 256], [1, 256]]);
    expect(result.data[1].embedding).toEqual(embed().embeddings.float[1]);
    expect(result.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
  });

  it("encodes base64 as little-endian float32, like OpenAI", () => {
    const result = parseCohereEmbeddingsResponse(embed(), ctx, { model: "x", input: ["a", "b"], encoding_format: "base64" });
    const bytes = Buffer.from(result.data[0].embedding as string, "base64");
    expect(bytes.length).toBe(256 * 4);
    expect(bytes.readFloatLE(4)).toBeCloseTo(embed().embeddings.float[0][1], 6);
  });

  it("rejects a body without embeddings.float", () => {
    expect(() => parseCohereEmbeddingsResponse({ embeddings: { int8: [[1]] } }, ctx, { model: "x", input: "a" })).toThrow(expect.objectContaining({ status: 502 }));
  });
});

describe("Cohere errors and models", () => {
  it("reads `{id, message}` and `{message}` bodies, else the text", () => {
    expect(parseCohereErrorBody(401, fixture("cohere", "error-invalid-token.json"))).toEqual({ message: "invalid api token" });
    expect(parseCohereErrorBody(429, fixture("cohere", "error-trial-limit.json")).message).toMatch(/^You are using a Trial key/);
    expect(parseCohereErrorBody(400, "{\"message\":\"invalid request: model 'nope' not found\"}")).toEqual({ message: "invalid request: model 'nope' not found" });
    expect(parseCohereErrorBody(503, "upstream connect error")).toEqual({ message: "upstream connect error" });
  });

  it("lists chat and embedding models from /v1/models", () => {
    expect(buildCohereModelsRequest(ctx)).toEqual({ url: "https://api.cohere.com/v1/models?page_size=1000", method: "GET", headers: { authorization: "Bearer co-fake-key" } });
    expect(parseCohereModelsResponse(JSON.parse(fixture("cohere", "models.json")))).toEqual([
      { id: "command-a-03-2025", context_length: 256000 },
      { id: "embed-v4.0", context_length: 128000 },
    ]);
  });
});
