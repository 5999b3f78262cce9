import { GatewayError } from "@/lib/errors/gateway-error";
import type { AuthStyle, ProviderQuirks, UpstreamCredential, WireFamily } from "./types";

export type CredentialKind = UpstreamCredential["kind"];

/** How a pasted key reveals its provider (and, for Anthropic, whether it is an OAuth token). */
export interface KeyFormat {
  pattern: RegExp;
  kind: CredentialKind;
}

/** A provider is a row of data: which wire family it speaks, where, and how it authenticates. */
export interface ProviderInfo {
  id: string;
  name: string;
  family: WireFamily;
  /** The official endpoint; `{account_id}` is filled from the credential (Cloudflare). */
  baseUrl: string;
  auth: AuthStyle;
  /** A custom endpoint may run without any key (a local server). */
  authOptional?: boolean;
  embeddings: boolean;
  /**
   * `unsupportedFields` are dropped before sending; `messages[].x` drops a message field; listing
   * `max_tokens` makes the OpenAI adapter send `max_completion_tokens` instead.
   */
  quirks?: ProviderQuirks;
  /** What its keys look like, shown as a hint in Providers. */
  keyHint?: string;
  keyFormats?: KeyFormat[];
  /** Every key (and token) it issues starts with one of these; Providers refuses anything else. */
  keyPrefixes?: string[];
}

const OPENAI_ONLY = ["top_k", "repetition_penalty"];

export const providerRegistry: ProviderInfo[] = [
  {
    id: "anthropic", name: "Anthropic", family: "anthropic", baseUrl: "https://api.anthropic.com", auth: "anthropic", embeddings: false,
    keyHint: "sk-ant-api… (API key) or sk-ant-oat… (Claude subscription token)", keyPrefixes: ["sk-ant-"],
    keyFormats: [{ pattern: /^sk-ant-oat\d*-/, kind: "oauth_token" }, { pattern: /^sk-ant-(api|admin)\d*-/, kind: "api_key" }],
  },
  {
    id: "openai", name: "OpenAI", family: "openai", baseUrl: "https://api.openai.com/v1", auth: "bearer", embeddings: true,
    quirks: { unsupportedFields: ["max_tokens", ...OPENAI_ONLY] },
    keyHint: "sk-proj-… or sk-…", keyPrefixes: ["sk-"],
    // Legacy user keys embed "T3BlbkFJ" (base64 of "OpenAI").
    keyFormats: [{ pattern: /^sk-(proj|svcacct|admin)-/, kind: "api_key" }, { pattern: /^sk-[A-Za-z0-9_-]*T3BlbkFJ/, kind: "api_key" }],
  },
  {
    id: "google", name: "Google Gemini", family: "gemini", baseUrl: "https://generativelanguage.googleapis.com", auth: "x-goog-api-key", embeddings: true,
    keyHint: "AIza…", keyPrefixes: ["AIza"], keyFormats: [{ pattern: /^AIza[0-9A-Za-z_-]{35}$/, kind: "api_key" }],
  },
  {
    id: "mistral", name: "Mistral", family: "openai", baseUrl: "https://api.mistral.ai/v1", auth: "bearer", embeddings: true,
    // Mistral refuses unknown fields (422 extra_forbidden), stream_options and `name` on messages included.
    quirks: {
      legacyMaxTokens: true, noStreamOptions: true, prefixPrefill: true, renamedFields: { seed: "random_seed" },
      unsupportedFields: ["logit_bias", "logprobs", "top_logprobs", "user", "reasoning_effort", "messages[].name", ...OPENAI_ONLY],
    },
    keyHint: "32 characters",
  },
  {
    id: "groq", name: "Groq", family: "openai", baseUrl: "https://api.groq.com/openai/v1", auth: "bearer", embeddings: false,
    // Groq answers 400 to these (console.groq.com/docs/openai).
    quirks: { legacyMaxTokens: true, unsupportedFields: ["logit_bias", "logprobs", "top_logprobs", "n", "messages[].name", ...OPENAI_ONLY] },
    keyHint: "gsk_…", keyPrefixes: ["gsk_"], keyFormats: [{ pattern: /^gsk_/, kind: "api_key" }],
  },
  {
    id: "xai", name: "xAI", family: "openai", baseUrl: "https://api.x.ai/v1", auth: "bearer", embeddings: false,
    quirks: { unsupportedFields: OPENAI_ONLY },
    keyHint: "xai-…", keyPrefixes: ["xai-"], keyFormats: [{ pattern: /^xai-/, kind: "api_key" }],
  },
  {
    // The documented base URL has no /v1 (it is accepted as an alias only).
    id: "deepseek", name: "DeepSeek", family: "openai", baseUrl: "https://api.deepseek.com", auth: "bearer", embeddings: false,
    quirks: { legacyMaxTokens: true, jsonObjectOnly: true, unsupportedFields: ["reasoning_effort", "seed", ...OPENAI_ONLY] },
    keyHint: "sk-… (32 hex characters)", keyPrefixes: ["sk-"], keyFormats: [{ pattern: /^sk-[0-9a-f]{32}$/, kind: "api_key" }],
  },
  {
    id: "together", name: "Together AI", family: "openai", baseUrl: "https://api.together.xyz/v1", auth: "bearer", embeddings: true,
    quirks: { legacyMaxTokens: true },
    keyHint: "tgp_v1_… or 64 hex characters", keyFormats: [{ pattern: /^tgp_v1_/, kind: "api_key" }],
  },
  {
    id: "cohere", name: "Cohere", family: "cohere", baseUrl: "https://api.cohere.com", auth: "bearer", embeddings: true,
    keyHint: "40 characters",
  },
  {
    id: "cloudflare-ai", name: "Cloudflare Workers AI", family: "openai", baseUrl: "https://api.cloudflare.com/client/v4/accounts/{account_id}/ai/v1", auth: "bearer", embeddings: true,
    quirks: { legacyMaxTokens: true, unsupportedFields: ["logit_bias", "logprobs", "top_logprobs", "user", "reasoning_effort", "parallel_tool_calls", "n"] },
    keyHint: "API token with Workers AI permission, plus the account id",
  },
  {
    id: "openrouter", name: "OpenRouter", family: "openai", baseUrl: "https://openrouter.ai/api/v1", auth: "bearer", embeddings: true,
    // App attribution, as OpenRouter documents it (openrouter.ai/docs/api-reference, "Headers").
    quirks: { legacyMaxTokens: true, forwardHeaders: ["http-referer", "x-title", "x-openrouter-title", "x-openrouter-categories"] },
    keyHint: "sk-or-v1-…", keyPrefixes: ["sk-or-"], keyFormats: [{ pattern: /^sk-or-/, kind: "api_key" }],
  },
  {
    id: "custom", name: "Custom (OpenAI-compatible)", family: "openai", baseUrl: "", auth: "bearer", authOptional: true, embeddings: true,
    quirks: { legacyMaxTokens: true },
  },
];

const byId = new Map(providerRegistry.map((p) => [p.id, p]));

export function getProvider(id: string): ProviderInfo | undefined {
  return byId.get(id);
}

/** The provider and credential kind a pasted key's format reveals, when it reveals one. */
export function detectKeyProvider(secret: string): { provider: string; kind: CredentialKind } | undefined {
  const key = secret.trim();
  for (const provider of providerRegistry) {
    const format = provider.keyFormats?.find((f) => f.pattern.test(key));
    if (format) return { provider: provider.id, kind: format.kind };
  }
  return undefined;
}

/** `UPSTREAM_CLOUDFLARE_AI_BASE_URL` for `cloudflare-ai`. */
export function baseUrlEnvName(providerId: string): string {
  return `UPSTREAM_${providerId.toUpperCase().replace(/-/g, "_")}_BASE_URL`;
}

/**
 * The credential's own base URL first, then the environment's override, then the provider's
 * official one; `{account_id}` filled in, trailing slashes removed.
 */
export function resolveBaseUrl(
  providerId: string,
  credential: { credentialBaseUrl?: string | null; accountId?: string | null },
  env: Record<string, string | undefined>,
): string {
  const chosen = credential.credentialBaseUrl?.trim() || env[baseUrlEnvName(providerId)]?.trim() || getProvider(providerId)?.baseUrl || "";
  if (!chosen) throw new GatewayError(400, "invalid_request_error", `No base URL is configured for provider ${providerId}`);
  if (chosen.includes("{account_id}") && !credential.accountId) {
    throw new GatewayError(400, "invalid_request_error", `Provider ${providerId} needs the account id stored with its credential`);
  }
  return chosen.replace("{account_id}", encodeURIComponent(credential.accountId ?? "")).replace(/\/+$/, "");
}
