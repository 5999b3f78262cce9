import { describe, expect, it } from "vitest";
import type { UpstreamContext } from "@/lib/providers/types";
import { fixture } from "@/test/support/sse-fixture";
import { buildGeminiEmbeddingsRequest, parseGeminiEmbeddingsResponse } from "./embeddings";
import { parseGeminiErrorBody } from "./errors";
import { buildGeminiModelsRequest, parseGeminiModelsResponse } from "./models";

const ctx: UpstreamContext = {
  provider: "google", baseUrl: "https://generativelanguage.googleapis.com", model: "gemini-embedding-001", id: "gen-1", created: 1_750_000_000,
  credential: { secret: "AIzaSyFakeKey", kind: "api_key" },
};
const batch = () => JSON.parse(fixture("gemini", "batch-embed.json"));

describe("Gemini embeddings", () => {
  it("sends every input through batchEmbedContents with task type and dimensions", () => {
    const request = buildGeminiEmbeddingsRequest({ model: "x", input: ["hello", "goodbye"], dimensions: 128, input_type: "search_query" }, ctx);
    expect(request.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents");
    expect(request.headers["x-goog-api-key"]).toBe("AIzaSyFakeKey");
    expect(JSON.parse(request.body!)).toEqual({ requests: ["hello", "goodbye"].map((text) => ({
      model: "models/gemini-embedding-001", content: { parts: [{ text }] }, taskType: "RETRIEVAL_QUERY", outputDimensionality: 128,
    })) });
    expect(JSON.parse(buildGeminiEmbeddingsRequest({ model: "x", input: "one" }, ctx).body!).requests).toHaveLength(1);
    expect(() => buildGeminiEmbeddingsRequest({ model: "x", input: [1, 2, 3] }, ctx)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("returns floats as Gemini sent them when no dimensions were asked", () => {
    const result = parseGeminiEmbeddingsResponse(batch(), ctx, { model: "x", input: ["hello", "goodbye"] });
    expect(result.data.map((d) => d.index)).toEqual([0, 1]);
    expect(result.data[0].embedding).toEqual(batch().embeddings[0].values);
    expect(result).toMatchObject({ object: "list", model: "gemini-embedding-001", usage: { prompt_tokens: 4, total_tokens: 4 } });
  });

  it("scales shortened vectors to unit length and encodes base64 as little-endian float32", () => {
    const request = { model: "x", input: ["hello", "goodbye"], dimensions: 128, encoding_format: "base64" as const };
    const result = parseGeminiEmbeddingsResponse(batch(), ctx, request);
    const bytes = Buffer.from(result.data[1].embedding as string, "base64");
    expect(bytes.length).toBe(128 * 4);
    const floats = Array.from({ length: 128 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(Math.hypot(...floats)).toBeCloseTo(1, 5);
    const original: number[] = batch().embeddings[1].values;
    expect(floats[0]).toBeCloseTo(original[0] / Math.hypot(...original), 6);
  });
});

describe("Gemini errors and models", () => {
  it("reads Google's error body: message, ErrorInfo reason and status", () => {
    expect(parseGeminiErrorBody(400, fixture("gemini", "error-invalid-key.json"))).toEqual({ message: "API key not valid. Please pass a valid API key.", code: "API_KEY_INVALID", type: "INVALID_ARGUMENT" });
    expect(parseGeminiErrorBody(429, fixture("gemini", "error-quota.json"))).toMatchObject({ message: expect.stringMatching(/^You exceeded your current quota/), type: "RESOURCE_EXHAUSTED" });
    expect(parseGeminiErrorBody(500, `[${fixture("gemini", "error-invalid-key.json")}]`).type).toBe("INVALID_ARGUMENT");
    expect(parseGeminiErrorBody(502, "<html>Bad Gateway</html>")).toEqual({ message: "<html>Bad Gateway</html>" });
    expect(parseGeminiErrorBody(504, "")).toEqual({ message: "HTTP 504" });
  });

  it("lists models without the models/ prefix, keeping only ones the gateway can call", () => {
    expect(buildGeminiModelsRequest(ctx)).toEqual({ url: "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000", method: "GET", headers: { "x-goog-api-key": "AIzaSyFakeKey" } });
    expect(parseGeminiModelsResponse(JSON.parse(fixture("gemini", "models.json")))).toEqual([
      { id: "gemini-2.5-flash", name: "Gemini 2.5 Flash", context_length: 1048576 },
      { id: "gemini-embedding-001", name: "Gemini Embedding 001", context_length: 2048 },
    ]);
    expect(parseGeminiModelsResponse({ nope: true })).toEqual([]);
  });
});
