import { invalidate } from "@/lib/cache/invalidation";
import { secrets } from "@/lib/config/secrets";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { API_TOKEN_PREFIX, displayPrefix, generateSecretToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { createApiToken } from "./create-api-token";

/** The account's default token in the clear, for the My API tab; null when there is none. */
export async function revealDefaultToken(userId: string): Promise<string | null> {
  const prisma = await db();
  const record = await prisma.apiToken.findFirst({ where: { userId, isDefault: true } });
  if (!record?.tokenCiphertext) return null;
  return decryptSecret(record.tokenCiphertext, secrets().encryptionKeys);
}

/** Replaces the default token's secret in place (its usage history stays); the old one stops working at once. */
export async function regenerateDefaultToken(userId: string): Promise<string> {
  const prisma = await db();
  const existing = await prisma.apiToken.findFirst({ where: { userId, isDefault: true } });
  if (!existing) return (await createApiToken(prisma, userId, { name: "Default", isDefault: true })).token;
  const token = generateSecretToken(API_TOKEN_PREFIX);
  await prisma.apiToken.update({
    where: { id: existing.id },
    data: { tokenHash: hashToken(token), prefix: displayPrefix(token), tokenCiphertext: encryptSecret(token, secrets().encryptionKeys[0]) },
  });
  invalidate({ kind: "token", userId });
  return token;
}
