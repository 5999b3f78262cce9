import { invalidate } from "@/lib/cache/invalidation";
import { secrets } from "@/lib/config/secrets";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { getProvider } from "@/lib/providers/registry";
import { assertPublicUrl } from "@/lib/security/public-address";
import type { CredentialCheck } from "./check-credential";
import { detectKind, newCredentialSchema, type NewCredential, type ParsedCredential } from "./credential-input";
import { defaultLabel } from "./default-label";
import { toCredentialView } from "./credential-view";

/** What a user pasted, validated, with its kind settled and a custom base URL checked to be public. */
export async function parseCredential(input: NewCredential, schema = newCredentialSchema): Promise<ParsedCredential> {
  const data = schema.parse(input);
  if (data.baseUrl) await assertPublicUrl(data.baseUrl, "Base URL");
  return { ...data, kind: data.kind ?? detectKind(data.secret) };
}

/** Stores a parsed credential encrypted, last in the failover order, with what its check showed. */
export async function storeCredential(userId: string, data: ParsedCredential, check?: CredentialCheck) {
  const prisma = await db();
  const existing = await prisma.providerCredential.findMany({ where: { userId }, select: { label: true } });
  const record = await prisma.providerCredential.create({
    data: {
      userId,
      provider: data.provider,
      label: data.label || defaultLabel(getProvider(data.provider)?.name ?? data.provider, existing.map((c) => c.label)),
      kind: data.kind,
      secretCiphertext: encryptSecret(data.secret, secrets().encryptionKeys[0]),
      secretLast4: data.secret.slice(-4),
      baseUrl: data.baseUrl ?? null,
      accountId: data.accountId ?? null,
      expiresAt: data.expiresAt ?? null,
      priority: existing.length,
      verifiedAt: check?.result === "verified" ? new Date() : null,
      checkNote: check?.result === "unverified" ? check.note : null,
    },
  });
  invalidate({ kind: "credentials", userId });
  return toCredentialView(record);
}

/** Stores a provider credential without asking the provider (the operator CLI, test set-up). */
export async function addCredential(userId: string, input: NewCredential) {
  return storeCredential(userId, await parseCredential(input));
}
