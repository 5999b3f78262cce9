import { secrets } from "@/lib/config/secrets";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { API_TOKEN_PREFIX, displayPrefix, generateSecretToken, hashToken } from "@/lib/crypto/tokens";
import type { Prisma } from "@/lib/db/generated/client";
import type { LimitReset, RoutingStrategy } from "@/lib/db/generated/enums";

export interface NewApiToken {
  name: string;
  isDefault?: boolean;
  allowedProviders?: string[];
  limit?: number | null;
  limitReset?: LimitReset;
  strategy?: RoutingStrategy | null;
  limitUsd?: number | null;
  limitUsdReset?: LimitReset;
  appOrigin?: string | null;
}

/** Creates an `lr_live_` token; the caller shows `token` once. Only the default token is kept encrypted. */
export async function createApiToken(client: Prisma.TransactionClient, userId: string, input: NewApiToken) {
  const token = generateSecretToken(API_TOKEN_PREFIX);
  const record = await client.apiToken.create({
    data: {
      userId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: displayPrefix(token),
      tokenCiphertext: input.isDefault ? encryptSecret(token, secrets().encryptionKeys[0]) : null,
      isDefault: input.isDefault ?? false,
      allowedProviders: input.allowedProviders ?? [],
      limit: input.limit ?? null,
      limitReset: input.limitReset ?? "never",
      strategy: input.strategy ?? null,
      limitUsd: input.limitUsd ?? null,
      limitUsdReset: input.limitUsdReset ?? "monthly",
      appOrigin: input.appOrigin ?? null,
    },
  });
  return { token, record };
}
