import { describe, expect, it } from "vitest";
import { parseAnthropicErrorBody } from "@/lib/providers/anthropic/errors";
import { parseCohereErrorBody } from "@/lib/providers/cohere/errors";
import { parseGeminiErrorBody } from "@/lib/providers/gemini/errors";
import { parseOpenAiErrorBody } from "@/lib/providers/openai/errors";
import { fixture } from "@/test/support/sse-fixture";
import { upstreamHttpError } from "@/lib/gateway/upstream/upstream-error";
import { saysKeyInvalid } from "./refusals";

const PARSE = { openai: parseOpenAiErrorBody, anthropic: parseAnthropicErrorBody, gemini: parseGeminiErrorBody, cohere: parseCohereErrorBody };

/** A provider's refusal as it arrives on the wire, mapped the way the request path maps it. */
const refusal = (family: keyof typeof PARSE, provider: string, status: number, body: string) => upstreamHttpError(provider, status, new Headers(), PARSE[family](status, body));

describe("which refusals say the key itself is invalid or revoked (README's rule)", () => {
  it("takes the providers' own invalid-key answers as final", () => {
    expect(saysKeyInvalid(refusal("openai", "openai", 401, fixture("openai", "error-invalid-key.json")))).toBe(true);
    const groq = JSON.stringify({ error: { message: "Invalid API Key", type: "invalid_request_error", code: "invalid_api_key" } });
    expect(saysKeyInvalid(refusal("openai", "groq", 401, groq))).toBe(true);
    const deactivated = JSON.stringify({ error: { message: "This key is associated with a deactivated account.", type: "invalid_request_error", code: "account_deactivated" } });
    expect(saysKeyInvalid(refusal("openai", "openai", 401, deactivated))).toBe(true);
    const anthropic = JSON.stringify({ type: "error", error: { type: "authentication_error", message: "invalid x-api-key" }, request_id: "req_011CAbc" });
    expect(saysKeyInvalid(refusal("anthropic", "anthropic", 401, anthropic))).toBe(true);
    // Google answers a bad key with 400 INVALID_ARGUMENT and the reason API_KEY_INVALID.
    expect(saysKeyInvalid(refusal("gemini", "google", 400, fixture("gemini", "error-invalid-key.json")))).toBe(true);
  });

  it("counts other refusals instead: policy 403s, and 401s that name no reason", () => {
    const policy = JSON.stringify({ type: "error", error: { type: "permission_error", message: "OAuth authentication is currently not allowed for this organization." } });
    expect(saysKeyInvalid(refusal("anthropic", "anthropic", 403, policy))).toBe(false);
    const openrouter = JSON.stringify({ error: { message: "No auth credentials found", code: 401 } });
    expect(saysKeyInvalid(refusal("openai", "openrouter", 401, openrouter))).toBe(false);
    expect(saysKeyInvalid(refusal("openai", "openai", 401, "<html><body>401 Authorization Required</body></html>"))).toBe(false);
    expect(saysKeyInvalid(refusal("cohere", "cohere", 401, fixture("cohere", "error-invalid-token.json")))).toBe(false);
    const sampling = JSON.stringify({ error: { message: "You are not allowed to sample from this model", type: "invalid_request_error", code: null } });
    expect(saysKeyInvalid(refusal("openai", "openai", 403, sampling))).toBe(false);
  });

  it("never reads anything but a refusal", () => {
    const limited = JSON.stringify({ error: { message: "Rate limit reached", type: "requests", code: "invalid_api_key" } });
    expect(saysKeyInvalid(refusal("openai", "openai", 429, limited))).toBe(false);
  });
});
