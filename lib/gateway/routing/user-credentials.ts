import { TtlCache } from "@/lib/cache/ttl-cache";
import { onInvalidate } from "@/lib/cache/invalidation";
import { secrets } from "@/lib/config/secrets";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
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

async function load(userId: string): Promise<UsableCredential[]> {
  const prisma = await db();
  const rows = await prisma.providerCredential.findMany({
    where: { userId, disabled: false, status: "active" },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
  });
  const keys = secrets().encryptionKeys;
  return rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    label: row.label,
    kind: row.kind,
    secret: decryptSecret(row.secretCiphertext, keys),
    baseUrl: row.baseUrl,
    accountId: row.accountId,
    priority: row.priority,
    createdAt: row.createdAt.getTime(),
    cooldownUntil: row.cooldownUntil?.getTime() ?? 0,
    expiresAt: row.expiresAt?.getTime(),
  }));
}

/** The user's enabled, healthy credentials, in failover order. */
export function usableCredentials(userId: string): Promise<UsableCredential[]> {
  return cache.get(userId, () => load(userId));
}
