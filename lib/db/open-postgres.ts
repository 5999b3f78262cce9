import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { splitSchema } from "./connection-url";
import { migrate, type SqlRunner } from "./migrate";
import type { Database } from "./database";
import { log } from "@/lib/observability/logger";

/**
 * Bounds on waiting for the server, so a database that went away fails requests quickly instead of
 * holding them: `?connect_timeout=` (seconds, as libpq) and `?query_timeout=` (ms) in DATABASE_URL.
 */
function poolTimeouts(url: string): { connectionTimeoutMillis: number; query_timeout: number; keepAlive: true } {
  const params = new URL(url).searchParams;
  const connectSeconds = Number(params.get("connect_timeout") ?? 5);
  const queryMs = Number(params.get("query_timeout") ?? 30_000);
  return { connectionTimeoutMillis: connectSeconds > 0 ? connectSeconds * 1000 : 5_000, query_timeout: queryMs > 0 ? queryMs : 30_000, keepAlive: true };
}

function runnerFor(client: pg.Client): SqlRunner {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}

/** A real PostgreSQL server, migrated on open. `?schema=` puts everything in that schema. */
export async function openPostgres(databaseUrl: string): Promise<Database> {
  const { url, schema } = splitSchema(databaseUrl);
  const options = schema ? `-c search_path="${schema}"` : undefined;
  const setup = new pg.Client({ connectionString: url, options });
  await setup.connect();
  try {
    if (schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await migrate(runnerFor(setup));
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({ connectionString: url, options, max: 10, ...poolTimeouts(url) });
  pool.on("error", (error) => log.warn("postgres connection lost", { error: error.message }));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  return {
    kind: "postgres",
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
