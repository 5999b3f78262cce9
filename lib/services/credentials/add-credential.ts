import { invalidate } from "@/lib/cache/invalidation";
import { secrets } from "@/lib/config/secrets";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { getProvider } from "@/lib/providers/registry";
import { assertPublicUrl } from "@/lib/security/public-address";
import { detectKind, newCredentialSchema, type NewCredential } from "./credential-input";
import { toCredentialView } from "./credential-view";

/** Stores a provider credential encrypted; returns the masked view, never the secret. */
export async function addCredential(userId: string, input: NewCredential) {
  const data = newCredentialSchema.parse(input);
  if (data.baseUrl) await assertPublicUrl(data.baseUrl, "Base URL");
  const prisma = await db();
  const count = await prisma.providerCredential.count({ where: { userId } });
  const record = await prisma.providerCredential.create({
    data: {
      userId,
      provider: data.provider,
      label: data.label || getProvider(data.provider)?.name || data.provider,
      kind: data.kind ?? detectKind(data.secret),
      secretCiphertext: encryptSecret(data.secret, secrets().encryptionKeys[0]),
      secretLast4: data.secret.slice(-4),
      baseUrl: data.baseUrl ?? null,
      accountId: data.accountId ?? null,
      expiresAt: data.expiresAt ?? null,
      priority: count,
    },
  });
  invalidate({ kind: "credentials", userId });
  return toCredentialView(record);
}
