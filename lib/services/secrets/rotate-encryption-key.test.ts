import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { PrismaClient } from "@/lib/db";
import { databaseTargets, installDatabase, uninstallDatabase } from "@/test/support/databases";
import { rotateEncryptionKey } from "./rotate-encryption-key";

const OLD = randomBytes(32);
const NEW = randomBytes(32);

describe("re-encrypting while the server keeps writing", () => {
  const target = databaseTargets()[0];
  let prisma: PrismaClient;
  beforeAll(async () => {
    prisma = (await installDatabase(target)).prisma;
  });
  afterAll(() => uninstallDatabase(target));

  it("never overwrites a secret changed between its read and the batch's write, and says so", async () => {
    const user = await prisma.user.create({ data: { email: "busy@example.com", passwordHash: "x", referralCode: "BUSY1" } });
    const rows: Array<{ id: string }> = [];
    for (const secret of ["sk-first-00000001", "sk-second-0000002", "sk-third-00000003"]) {
      rows.push(await prisma.providerCredential.create({ data: { userId: user.id, provider: "openai", label: secret, secretCiphertext: encryptSecret(secret, OLD), secretLast4: secret.slice(-4) } }));
    }
    // The server replaces the first credential (under the new key) just before the batch commits.
    let interfered = false;
    const busy = new Proxy(prisma, {
      get(client, property) {
        if (property !== "$transaction") return Reflect.get(client, property);
        return async (operations: unknown) => {
          if (!interfered) {
            interfered = true;
            await client.providerCredential.update({ where: { id: rows[0].id }, data: { secretCiphertext: encryptSecret("sk-replaced-by-user", NEW) } });
          }
          return client.$transaction(operations as never);
        };
      },
    });
    const report = await rotateEncryptionKey(busy, [NEW, OLD]);
    expect(report.credentials).toEqual({ total: 3, rotated: 2, alreadyCurrent: 0, changedMeanwhile: 1 });
    const stored = await prisma.providerCredential.findMany({ orderBy: { createdAt: "asc" } });
    expect(stored.map((row) => decryptSecret(row.secretCiphertext, [NEW]))).toEqual(["sk-replaced-by-user", "sk-second-0000002", "sk-third-00000003"]);
    expect((await rotateEncryptionKey(prisma, [NEW, OLD])).credentials).toEqual({ total: 3, rotated: 0, alreadyCurrent: 3, changedMeanwhile: 0 });
  });
});
