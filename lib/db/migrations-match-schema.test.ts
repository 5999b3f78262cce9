import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueDifferences, type Catalogue } from "@/test/support/catalogue";
import { databaseCatalogue } from "@/test/support/database-catalogue";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { schemaCatalogue } from "@/test/support/prisma-schema-catalogue";
import type { Database } from "./database";

class RolledBack extends Error {
  constructor(readonly catalogue: Catalogue) {
    super("rolled back on purpose");
  }
}

/** The catalogue as it would be after `statements`, read inside a transaction that is then rolled back. */
async function catalogueAfter(database: Database, statements: string[]): Promise<Catalogue> {
  try {
    await database.prisma.$transaction(async (tx) => {
      for (const sql of statements) await tx.$executeRawUnsafe(sql);
      throw new RolledBack(await databaseCatalogue(tx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.catalogue;
    throw error;
  }
  throw new Error("the transaction was not rolled back");
}

const DRIFT = [
  `DROP INDEX "Account_provider_providerAccountId_key"`,
  `DROP INDEX "StoredResponse_expiresAt_idx"`,
  `ALTER TABLE "Referral" DROP CONSTRAINT "Referral_referrerId_fkey"`,
  `ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
  `ALTER TABLE "ApiToken" ALTER COLUMN "limitReset" SET DEFAULT 'daily'`,
  `ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL`,
  `CREATE INDEX "UsageEvent_model_idx" ON "UsageEvent"("model")`,
];

describe.each(databaseTargets())("migrations on $name match prisma/schema.prisma", (target: DatabaseTarget) => {
  let database: Database;
  const expected = schemaCatalogue();

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.close();
    await target.cleanup();
  });

  it("builds exactly the enums, columns (types, nullability, defaults), keys, indexes and foreign keys the schema declares", async () => {
    expect(catalogueDifferences(expected, await databaseCatalogue(database.prisma))).toEqual([]);
  });

  it("reports a database that drifts from the schema, one line per difference", async () => {
    const drifted = await catalogueAfter(database, DRIFT);
    expect(catalogueDifferences(expected, drifted)).toEqual([
      `columns "ApiToken"."limitReset": schema "\\"LimitReset\\" NOT NULL DEFAULT 'never'::\\"LimitReset\\"", database "\\"LimitReset\\" NOT NULL DEFAULT 'daily'::\\"LimitReset\\""`,
      `columns "User"."name": schema "text", database "text NOT NULL"`,
      `indexes Account_provider_providerAccountId_key: missing from the database (schema: "UNIQUE \\"Account\\" (\\"provider\\", \\"providerAccountId\\")")`,
      `indexes StoredResponse_expiresAt_idx: missing from the database (schema: "\\"StoredResponse\\" (\\"expiresAt\\")")`,
      `indexes UsageEvent_model_idx: not in the schema (database: "\\"UsageEvent\\" (\\"model\\")")`,
      `foreignKeys Referral_referrerId_fkey: schema "\\"Referral\\" (\\"referrerId\\") REFERENCES \\"User\\" (\\"id\\") ON DELETE CASCADE ON UPDATE CASCADE", database "\\"Referral\\" (\\"referrerId\\") REFERENCES \\"User\\" (\\"id\\") ON DELETE RESTRICT ON UPDATE CASCADE"`,
    ]);
    expect(catalogueDifferences(expected, await databaseCatalogue(database.prisma)), "the drift was rolled back").toEqual([]);
  });
});
