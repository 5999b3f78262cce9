import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { splitSchema } from "./connection-url";
import { migrate, type SqlRunner } from "./migrate";
import type { Database } from "./database";

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
  const pool = new pg.Pool({ connectionString: url, options, max: 10 });
  pool.on("error", (error) => console.error("[oauthrouter] postgres pool error:", error.message));
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
