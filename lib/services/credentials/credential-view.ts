import type { ProviderCredential } from "@/lib/db/generated/client";

/** A credential as users and APIs may see it: masked, with no ciphertext. */
export function toCredentialView(record: ProviderCredential) {
  return {
    id: record.id,
    provider: record.provider,
    label: record.label,
    kind: record.kind,
    masked: `••••${record.secretLast4}`,
    baseUrl: record.baseUrl,
    accountId: record.accountId,
    status: record.status,
    disabled: record.disabled,
    lastError: record.lastError,
    lastErrorAt: record.lastErrorAt,
    cooldownUntil: record.cooldownUntil,
    priority: record.priority,
    expiresAt: record.expiresAt,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    verifiedAt: record.verifiedAt,
    checkNote: record.checkNote,
    nextCheckAt: record.nextCheckAt,
  };
}

export type CredentialView = ReturnType<typeof toCredentialView>;
