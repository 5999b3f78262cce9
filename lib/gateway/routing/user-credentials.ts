import { TtlCache } from "@/lib/cache/ttl-cache";
import { onInvalidate } from "@/lib/cache/invalidation";
import { secrets } from "@/lib/config/secrets";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { rawQuery } from "@/lib/db/raw-query";
import type { CredentialKind } from "@/lib/db/generated/enums";

/** A credential ready for the request path: decrypted once, cached briefly. */
export interface UsableCredential {
  id: string;
  provider: string;
  label: string;
  kind: CredentialKind;
  secret: string;
  baseUrl: string | null;
  accountId: string | null;
  priority: number;
  createdAt: number;
  /** Epoch ms until which the provider asked us to wait (429). */
  cooldownUntil: number;
  /** Epoch ms when the token runs out, where known (OAuth tokens). */
  expiresAt?: number;
  /** A caller's own credential for one request (Claude Code pass-through): never stored. */
  ephemeral?: boolean;
}

const cache = new TtlCache<UsableCredential[]>(30_000);
onInvalidate((event) => {
  if (event.kind === "credentials" || event.kind === "user") cache.delete(event.userId);
});

// Plain SQL on the driver, like the token lookup: no query compiler on the request path. Times
// come back as epoch milliseconds, so the server's time zone cannot shift them.
const CREDENTIALS_SQL = `
SELECT "id", "provider", "label", "kind"::text, "secretCiphertext", "baseUrl", "accountId", "priority",
       (EXTRACT(EPOCH FROM "createdAt") * 1000)::float8 AS "createdAt",
       (EXTRACT(EPOCH FROM "cooldownUntil") * 1000)::float8 AS "cooldownUntil",
       (EXTRACT(EPOCH FROM "expiresAt") * 1000)::float8 AS "expiresAt"
FROM "ProviderCredential"
WHERE "userId" = $1 AND "disabled" = false AND "status" = 'active'
ORDER BY "priority" ASC, "createdAt" ASC`;

interface CredentialRow extends Omit<UsableCredential, "secret" | "cooldownUntil" | "expiresAt" | "ephemeral"> {
  secretCiphertext: string;
  cooldownUntil: number | null;
  expiresAt: number | null;
}

async function load(userId: string): Promise<UsableCredential[]> {
  const rows = await rawQuery<CredentialRow>(CREDENTIALS_SQL, [userId]);
  const keys = secrets().encryptionKeys;
  return rows.map(({ secretCiphertext, cooldownUntil, expiresAt, ...row }) => ({
    ...row,
    secret: decryptSecret(secretCiphertext, keys),
    cooldownUntil: cooldownUntil ?? 0,
    expiresAt: expiresAt ?? undefined,
  }));
}

/** The user's enabled, healthy credentials, in failover order. */
export function usableCredentials(userId: string): Promise<UsableCredential[]> {
  return cache.get(userId, () => load(userId));
}
