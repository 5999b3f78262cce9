import { encryptSecret, openWithKey } from "@/lib/crypto/secret-box";
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";

/** One encrypted column: provider credentials, and the default tokens kept for the My API tab. */
interface SealedColumn {
  name: "credentials" | "tokens";
  page(prisma: PrismaClient, afterId: string, take: number): Promise<Array<{ id: string; sealed: string }>>;
  /** Swaps the ciphertext only if nobody changed it since we read it. */
  replace(prisma: PrismaClient, id: string, from: string, to: string): Prisma.PrismaPromise<Prisma.BatchPayload>;
}

const COLUMNS: SealedColumn[] = [
  {
    name: "credentials",
    page: async (prisma, afterId, take) =>
      (await prisma.providerCredential.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take, select: { id: true, secretCiphertext: true } }))
        .map((row) => ({ id: row.id, sealed: row.secretCiphertext })),
    replace: (prisma, id, from, to) => prisma.providerCredential.updateMany({ where: { id, secretCiphertext: from }, data: { secretCiphertext: to } }),
  },
  {
    name: "tokens",
    page: async (prisma, afterId, take) =>
      (await prisma.apiToken.findMany({ where: { id: { gt: afterId }, tokenCiphertext: { not: null } }, orderBy: { id: "asc" }, take, select: { id: true, tokenCiphertext: true } }))
        .map((row) => ({ id: row.id, sealed: row.tokenCiphertext! })),
    replace: (prisma, id, from, to) => prisma.apiToken.updateMany({ where: { id, tokenCiphertext: from }, data: { tokenCiphertext: to } }),
  },
];

export interface ColumnReport {
  total: number;
  /** Re-encrypted under the current key by this run (or, in a dry run, would be). */
  rotated: number;
  alreadyCurrent: number;
  /** Changed by someone else between reading and writing (the server writes under the current key). */
  changedMeanwhile: number;
}

export interface RotationReport {
  dryRun: boolean;
  credentials: ColumnReport;
  tokens: ColumnReport;
}

export class UndecryptableSecretsError extends Error {
  constructor(readonly failures: Array<{ column: string; id: string }>, rotatedBefore: number) {
    const sample = failures.slice(0, 10).map((f) => `${f.column === "credentials" ? "credential" : "token"} ${f.id}`).join(", ");
    super(
      `${failures.length} stored secret${failures.length === 1 ? "" : "s"} cannot be decrypted with ENCRYPTION_KEY or ENCRYPTION_KEY_PREVIOUS ` +
        `(${sample}${failures.length > 10 ? ", …" : ""}). ` +
        (rotatedBefore === 0 ? "Nothing was changed. " : `${rotatedBefore} were re-encrypted before this was found. `) +
        "Set ENCRYPTION_KEY_PREVIOUS to the key they were written with and run again.",
    );
    this.name = "UndecryptableSecretsError";
  }
}

type Classified = { id: string; sealed: string; plaintext: string | null; current: boolean };

function classify(rows: Array<{ id: string; sealed: string }>, [current, ...previous]: Buffer[]): Classified[] {
  return rows.map((row) => {
    const underCurrent = openWithKey(row.sealed, current);
    if (underCurrent !== null) return { ...row, plaintext: underCurrent, current: true };
    for (const key of previous) {
      const plaintext = openWithKey(row.sealed, key);
      if (plaintext !== null) return { ...row, plaintext, current: false };
    }
    return { ...row, plaintext: null, current: false };
  });
}

async function* batches(prisma: PrismaClient, column: SealedColumn, keys: Buffer[], batchSize: number) {
  let afterId = "";
  for (;;) {
    const rows = await column.page(prisma, afterId, batchSize);
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].id;
    yield classify(rows, keys);
  }
}

/** Reads everything first: a secret neither key opens stops the rotation before any write. */
async function survey(prisma: PrismaClient, keys: Buffer[], batchSize: number) {
  const failures: Array<{ column: string; id: string }> = [];
  for (const column of COLUMNS) {
    for await (const batch of batches(prisma, column, keys, batchSize)) {
      for (const row of batch) if (row.plaintext === null) failures.push({ column: column.name, id: row.id });
    }
  }
  return failures;
}

/**
 * Re-encrypts every stored secret under the current key (`keys[0]`), reading with any of `keys`.
 * Each batch is one transaction, and a row is only replaced if it still holds what was read, so
 * the server may keep running; a second run finds everything current and changes nothing.
 */
export async function rotateEncryptionKey(
  prisma: PrismaClient,
  keys: Buffer[],
  options: { batchSize?: number; dryRun?: boolean } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 200;
  const dryRun = options.dryRun ?? false;
  const failures = await survey(prisma, keys, batchSize);
  if (failures.length > 0) throw new UndecryptableSecretsError(failures, 0);

  const report: RotationReport = { dryRun, credentials: emptyReport(), tokens: emptyReport() };
  let rotatedSoFar = 0;
  for (const column of COLUMNS) {
    const counts = report[column.name];
    for await (const batch of batches(prisma, column, keys, batchSize)) {
      const unreadable = batch.filter((row) => row.plaintext === null);
      if (unreadable.length > 0) throw new UndecryptableSecretsError(unreadable.map((row) => ({ column: column.name, id: row.id })), rotatedSoFar);
      const stale = batch.filter((row) => !row.current);
      counts.total += batch.length;
      counts.alreadyCurrent += batch.length - stale.length;
      if (dryRun || stale.length === 0) {
        counts.rotated += dryRun ? stale.length : 0;
        continue;
      }
      const results = await prisma.$transaction(stale.map((row) => column.replace(prisma, row.id, row.sealed, encryptSecret(row.plaintext!, keys[0]))));
      const written = results.filter((result) => result.count === 1).length;
      counts.rotated += written;
      counts.changedMeanwhile += stale.length - written;
      rotatedSoFar += written;
    }
  }
  return report;
}

function emptyReport(): ColumnReport {
  return { total: 0, rotated: 0, alreadyCurrent: 0, changedMeanwhile: 0 };
}
