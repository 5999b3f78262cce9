import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { PrismaClient } from "./generated/client";

export interface Database {
  kind: "embedded" | "postgres";
  prisma: PrismaClient;
  /** Set for the embedded database. */
  pglite?: PGlite;
  /** Set for a PostgreSQL server. */
  pool?: pg.Pool;
  close(): Promise<void>;
}
