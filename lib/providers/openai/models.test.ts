import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import { fixture } from "@/test/support/sse-fixture";
import { buildOpenAiModelsRequest, parseOpenAiModelsResponse } from "./models";

describe("OpenAI-dialect model listing", () => {
  it("GETs {base}/models with the key", () => {
    const { id: _id, created: _created, model: _model, ...ctx } = testContext({ baseUrl: "https://api.groq.com/openai/v1" });
    expect(buildOpenAiModelsRequest(ctx)).toEqual({ url: "https://api.groq.com/openai/v1/models", method: "GET", headers: { accept: "application/json", authorization: "Bearer sk-proj-test" } });
  });

  it("reads OpenAI's list and Together's bare array", () => {
    expect(parseOpenAiModelsResponse(JSON.parse(fixture("openai", "models.json"))).map((m) => m.id)).toEqual(["gpt-4o-2024-08-06", "gpt-4o-mini", "text-embedding-3-small"]);
    expect(parseOpenAiModelsResponse([{ id: "Qwen/Qwen2.5-72B-Instruct-Turbo", object: "model", display_name: "Qwen 2.5 72B", context_length: 32768 }])).toEqual([
      { id: "Qwen/Qwen2.5-72B-Instruct-Turbo", name: "Qwen 2.5 72B", context_length: 32768 },
    ]);
    expect(parseOpenAiModelsResponse({ unexpected: true })).toEqual([]);
  });
});
