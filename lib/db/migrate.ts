import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Runs SQL on whichever driver is underneath (PGlite or pg). */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((id) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, id, "migration.sql"), "utf8");
      return { id, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Any constant works; it only has to be the same in every instance.
const MIGRATION_LOCK = 72_517_044;

/**
 * Applies pending migrations in order, each in its own transaction. An advisory lock makes
 * instances that start together take turns; a changed applied migration stops start-up.
 */
export async function migrate(runner: SqlRunner, migrations = loadMigrations()): Promise<string[]> {
  await runner.exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await runner.exec(`CREATE TABLE IF NOT EXISTS "_oauthrouter_migrations" (
      "id" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
    const rows = await runner.query<{ id: string; checksum: string }>(`SELECT "id", "checksum" FROM "_oauthrouter_migrations"`);
    const applied = new Map(rows.map((row) => [row.id, row.checksum]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.id);
      if (checksum && checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.id} was changed after it was applied; add a new migration instead.`);
      }
      if (checksum) continue;
      const record = `INSERT INTO "_oauthrouter_migrations" ("id", "checksum") VALUES ('${migration.id}', '${migration.checksum}')`;
      await runner.exec(`BEGIN;\n${migration.sql}\n;${record};\nCOMMIT;`);
      ran.push(migration.id);
    }
    return ran;
  } catch (error) {
    await runner.exec("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await runner.exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}
