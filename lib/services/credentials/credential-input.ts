import { z } from "zod";
import { keyPrefixProblem, keyShapeProblem, MIN_KEY_LENGTH } from "@/lib/providers/key-format";
import { getProvider } from "@/lib/providers/registry";
import { plainText } from "@/lib/services/plain-text";

/** What a user pastes into Providers (or the CLI): validated before anything is stored. */
export const newCredentialSchema = z
  .object({
    provider: z.string().trim().toLowerCase().refine((id) => Boolean(getProvider(id)), "is not a supported provider"),
    secret: z
      .string()
      .trim()
      .min(MIN_KEY_LENGTH, `must be at least ${MIN_KEY_LENGTH} characters`)
      .max(4096)
      .superRefine((secret, ctx) => {
        const problem = keyShapeProblem(secret);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
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

/** Providers' form also holds a key to its provider's known format (the CLI stores what it is given). */
export const checkedCredentialSchema = newCredentialSchema.superRefine((input, ctx) => {
  // One message per field: a key with spaces is not also told about its prefix.
  const problem = !keyShapeProblem(input.secret) && keyPrefixProblem(input.provider, input.secret);
  if (problem) ctx.addIssue({ code: "custom", path: ["secret"], message: problem });
});

export type NewCredential = z.input<typeof newCredentialSchema>;
export type ParsedCredential = z.output<typeof newCredentialSchema> & { kind: "api_key" | "oauth_token" };

/** Anthropic OAuth tokens (Claude subscriptions) look like `sk-ant-oat01-…`. */
export function detectKind(secret: string): "api_key" | "oauth_token" {
  return secret.startsWith("sk-ant-oat") ? "oauth_token" : "api_key";
}
