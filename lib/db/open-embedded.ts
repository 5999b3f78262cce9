import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { migrate, type SqlRunner } from "./migrate";
import type { Database } from "./database";
import { acquireDataDirLock } from "./data-dir-lock";

function runnerFor(db: PGlite): SqlRunner {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

/** The embedded default: PostgreSQL compiled to WebAssembly, kept in `<dataDir>/pgdata`. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const root = path.resolve(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const releaseLock = acquireDataDirLock(root);
  try {
    const pglite = await PGlite.create(path.join(root, "pgdata"));
    await migrate(runnerFor(pglite));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      kind: "embedded",
      prisma,
      pglite,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
