import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { migrate, type SqlRunner } from "./migrate";
import type { Database } from "./database";
import { acquireDataDirLock } from "./data-dir-lock";

// PostgreSQL's default 128 MB buffer pool lives in the server's own memory here: 32 MB holds a
// small install's working set and keeps about 100 MB of resident memory off the process
// (measured under the benchmark's load: peak 580 MB → 474 MB).
export const EMBEDDED_SETTINGS = ["shared_buffers=32MB"];

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
    const pglite = await PGlite.create(path.join(root, "pgdata"), { postgresqlconf: EMBEDDED_SETTINGS });
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
