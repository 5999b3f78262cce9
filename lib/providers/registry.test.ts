import { describe, expect, it } from "vitest";
import { baseUrlEnvName, detectKeyProvider, getProvider, providerRegistry, resolveBaseUrl } from "./registry";

describe("provider registry", () => {
  it("has the eleven providers plus custom, each with a family, auth style and (but custom) an https base URL", () => {
    expect(providerRegistry.map((p) => p.id)).toEqual(["anthropic", "openai", "google", "mistral", "groq", "xai", "deepseek", "together", "cohere", "cloudflare-ai", "openrouter", "custom"]);
    for (const p of providerRegistry.filter((p) => p.id !== "custom")) expect(p.baseUrl, p.id).toMatch(/^https:\/\//);
    expect(getProvider("google")).toMatchObject({ family: "gemini", auth: "x-goog-api-key", baseUrl: "https://generativelanguage.googleapis.com" });
    expect(getProvider("anthropic")).toMatchObject({ family: "anthropic", auth: "anthropic", embeddings: false });
    expect(getProvider("custom")).toMatchObject({ family: "openai", authOptional: true, baseUrl: "" });
    expect(getProvider("nope")).toBeUndefined();
  });

  it("names the environment override after the provider id", () => {
    expect(baseUrlEnvName("cloudflare-ai")).toBe("UPSTREAM_CLOUDFLARE_AI_BASE_URL");
    expect(baseUrlEnvName("openai")).toBe("UPSTREAM_OPENAI_BASE_URL");
  });

  it("takes the credential's base URL, then the environment's, then the default", () => {
    const env = { UPSTREAM_OPENAI_BASE_URL: "http://127.0.0.1:4010/v1/" };
    expect(resolveBaseUrl("openai", { credentialBaseUrl: "https://proxy.example.com/v1" }, env)).toBe("https://proxy.example.com/v1");
    expect(resolveBaseUrl("openai", {}, env)).toBe("http://127.0.0.1:4010/v1");
    expect(resolveBaseUrl("openai", { credentialBaseUrl: null }, {})).toBe("https://api.openai.com/v1");
    expect(resolveBaseUrl("deepseek", {}, {})).toBe("https://api.deepseek.com");
    expect(resolveBaseUrl("custom", { credentialBaseUrl: "http://localhost:11434/v1" }, {})).toBe("http://localhost:11434/v1");
  });

  it("fills in the Cloudflare account id, from the default or an override", () => {
    expect(resolveBaseUrl("cloudflare-ai", { accountId: "abc123" }, {})).toBe("https://api.cloudflare.com/client/v4/accounts/abc123/ai/v1");
    expect(resolveBaseUrl("cloudflare-ai", { accountId: "abc123" }, { UPSTREAM_CLOUDFLARE_AI_BASE_URL: "http://fake:9000/accounts/{account_id}/ai/v1" })).toBe("http://fake:9000/accounts/abc123/ai/v1");
    expect(() => resolveBaseUrl("cloudflare-ai", {}, {})).toThrow(/account id/);
    expect(() => resolveBaseUrl("custom", {}, {})).toThrow(/No base URL/);
  });

  it("recognises a pasted key's provider and kind", () => {
    expect(detectKeyProvider("sk-ant-oat01-abcdef")).toEqual({ provider: "anthropic", kind: "oauth_token" });
    expect(detectKeyProvider("sk-ant-api03-abcdef")).toEqual({ provider: "anthropic", kind: "api_key" });
    expect(detectKeyProvider("sk-proj-abc123")).toEqual({ provider: "openai", kind: "api_key" });
    expect(detectKeyProvider("sk-or-v1-0123456789abcdef")).toEqual({ provider: "openrouter", kind: "api_key" });
    expect(detectKeyProvider("sk-0123456789abcdef0123456789abcdef")).toEqual({ provider: "deepseek", kind: "api_key" });
    expect(detectKeyProvider(`AIza${"x".repeat(35)}`)).toEqual({ provider: "google", kind: "api_key" });
    expect(detectKeyProvider(" gsk_abc ")).toEqual({ provider: "groq", kind: "api_key" });
    expect(detectKeyProvider("xai-abc")).toEqual({ provider: "xai", kind: "api_key" });
    expect(detectKeyProvider("tgp_v1_abc")).toEqual({ provider: "together", kind: "api_key" });
    expect(detectKeyProvider("plain-key-without-format")).toBeUndefined();
  });
});
