import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDatabase, useDatabase, type Database } from "@/lib/db";
import { splitSchema } from "@/lib/db/connection-url";
import { openEmbedded } from "@/lib/db/open-embedded";
import { openPostgres } from "@/lib/db/open-postgres";

/** The real PostgreSQL the suite runs against; each test file gets a schema of its own. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function uniqueSchemaUrl(): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set("schema", `t_${process.pid}_${randomBytes(4).toString("hex")}`);
  return url.toString();
}

export async function dropSchema(databaseUrl: string): Promise<void> {
  const { url, schema } = splitSchema(databaseUrl);
  if (!schema) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

export interface DatabaseTarget {
  name: "embedded" | "postgres";
  open(): Promise<Database>;
  /** Removes what open() created. */
  cleanup(): Promise<void>;
  /** The environment that points another process (a server, the CLI) at this same database. */
  processEnv(): Record<string, string>;
}

/** A PostgreSQL database at `databaseUrl` (usually a schema of its own from uniqueSchemaUrl()). */
export function postgresTarget(databaseUrl: string, openUrl = databaseUrl): DatabaseTarget {
  return { name: "postgres", open: () => openPostgres(openUrl), cleanup: () => dropSchema(databaseUrl), processEnv: () => ({ DATABASE_URL: databaseUrl }) };
}

export function databaseTargets(): DatabaseTarget[] {
  const pgUrl = uniqueSchemaUrl();
  let dataDir: string | undefined;
  return [
    {
      name: "embedded",
      // Reopening reuses the folder, as a restart would.
      open: () => openEmbedded((dataDir ??= mkdtempSync(path.join(tmpdir(), "oauthrouter-pglite-")))),
      cleanup: async () => undefined,
      processEnv: () => ({ DATABASE_URL: "", DATA_DIR: (dataDir ??= mkdtempSync(path.join(tmpdir(), "oauthrouter-pglite-"))) }),
    },
    postgresTarget(pgUrl),
  ];
}

/** Opens the target and installs it as the process database for service functions. */
export async function installDatabase(target: DatabaseTarget): Promise<Database> {
  const database = await target.open();
  useDatabase(database);
  return database;
}

export async function uninstallDatabase(target: DatabaseTarget): Promise<void> {
  await closeDatabase();
  await target.cleanup();
}
