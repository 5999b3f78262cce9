import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import { fixture } from "@/test/support/sse-fixture";
import { parseAnthropicErrorBody } from "./errors";
import { buildAnthropicModelsRequest, parseAnthropicModelsResponse } from "./models";

describe("Anthropic errors and models", () => {
  it("reads Anthropic's error body, and plain text from a proxy", () => {
    expect(parseAnthropicErrorBody(429, fixture("anthropic", "error-rate-limit.json"))).toMatchObject({ type: "rate_limit_error", code: "rate_limit_error", message: expect.stringMatching(/^This request would exceed the rate limit/) });
    expect(parseAnthropicErrorBody(502, "upstream connect error")).toEqual({ message: "upstream connect error" });
  });

  it("lists models at /v1/models with the credential's headers", () => {
    const { id: _id, created: _created, model: _model, ...ctx } = testContext({ baseUrl: "https://api.anthropic.com", credential: { secret: "sk-ant-oat01-t", kind: "oauth_token" } });
    expect(buildAnthropicModelsRequest(ctx)).toEqual({
      url: "https://api.anthropic.com/v1/models?limit=1000", method: "GET",
      headers: { accept: "application/json", "anthropic-version": "2023-06-01", authorization: "Bearer sk-ant-oat01-t", "anthropic-beta": "oauth-2025-04-20" },
    });
    expect(parseAnthropicModelsResponse(JSON.parse(fixture("anthropic", "models.json")))[0]).toEqual({ id: "claude-opus-4-6", name: "Claude Opus 4.6" });
  });
});
