import { z } from "zod";
import { getProvider } from "@/lib/providers/registry";
import { plainText } from "@/lib/services/plain-text";

/** What a user pastes into Providers (or the CLI): validated before anything is stored. */
export const newCredentialSchema = z
  .object({
    provider: z.string().trim().toLowerCase().refine((id) => Boolean(getProvider(id)), "is not a supported provider"),
    secret: z.string().trim().min(8, "must be at least 8 characters").max(4096),
    label: plainText(80).optional(),
    kind: z.enum(["api_key", "oauth_token"]).optional(),
    baseUrl: z
      .string()
      .trim()
      .url("must be a URL")
      .regex(/^https?:\/\//, "must be http or https")
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
    accountId: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a Cloudflare account id").optional(),
    // When known (Claude Code's credentials file has it as epoch milliseconds).
    expiresAt: z.coerce.date({ message: "must be a date or epoch milliseconds" }).optional(),
  })
  .refine((input) => input.provider !== "custom" || input.baseUrl, {
    message: "is required for a custom OpenAI-compatible endpoint",
    path: ["baseUrl"],
  })
  .refine((input) => input.provider !== "cloudflare-ai" || input.accountId, {
    message: "is required for Cloudflare Workers AI",
    path: ["accountId"],
  });

export type NewCredential = z.input<typeof newCredentialSchema>;
export type ParsedCredential = z.output<typeof newCredentialSchema> & { kind: "api_key" | "oauth_token" };

/** Anthropic OAuth tokens (Claude subscriptions) look like `sk-ant-oat01-…`. */
export function detectKind(secret: string): "api_key" | "oauth_token" {
  return secret.startsWith("sk-ant-oat") ? "oauth_token" : "api_key";
}
