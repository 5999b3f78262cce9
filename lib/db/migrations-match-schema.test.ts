import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import type { Database } from "./database";
import { readPrismaSchema, type SchemaColumn } from "./prisma-schema-reader";

const SQL_TYPE: Record<string, string> = {
  String: "text",
  Int: "integer",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Float: "double precision",
  BigInt: "bigint",
};

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
}

function expectedType(column: SchemaColumn, enums: Set<string>): string {
  if (column.list) return "ARRAY";
  return enums.has(column.type) ? `enum:${column.type}` : SQL_TYPE[column.type];
}

function actualType(row: ColumnRow): string {
  return row.data_type === "USER-DEFINED" ? `enum:${row.udt_name}` : row.data_type;
}

async function rows<T>(database: Database, sql: string): Promise<T[]> {
  return database.prisma.$queryRawUnsafe<T[]>(sql);
}

describe.each(databaseTargets())("migrations on $name match prisma/schema.prisma", (target: DatabaseTarget) => {
  let database: Database;
  const schema = readPrismaSchema();

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.close();
    await target.cleanup();
  });

  it("has every model's columns with the schema's types and nullability, and no others", async () => {
    const columns = await rows<ColumnRow>(
      database,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name <> '_oauthrouter_migrations'`,
    );
    const actual = new Map(columns.map((row) => [`${row.table_name}.${row.column_name}`, row]));
    const enums = new Set(schema.enums.keys());
    const expectedKeys: string[] = [];
    for (const [model, fields] of schema.models) {
      for (const field of fields) {
        const key = `${model}.${field.name}`;
        expectedKeys.push(key);
        const row = actual.get(key);
        expect(row, `column ${key} missing from the migrated database`).toBeDefined();
        expect(actualType(row!), `type of ${key}`).toBe(expectedType(field, enums));
        expect(row!.is_nullable === "YES", `nullability of ${key}`).toBe(field.optional || field.list);
      }
    }
    expect([...actual.keys()].sort()).toEqual(expectedKeys.sort());
  });

  it("has every enum with the schema's values in order", async () => {
    const enumRows = await rows<{ name: string; value: string }>(
      database,
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`,
    );
    const actual = new Map<string, string[]>();
    for (const row of enumRows) actual.set(row.name, [...(actual.get(row.name) ?? []), row.value]);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(schema.enums));
  });

  it("enforces every @unique field with a unique index", async () => {
    const indexes = await rows<{ indexdef: string }>(
      database,
      `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexdef LIKE 'CREATE UNIQUE%'`,
    );
    for (const [model, fields] of schema.models) {
      for (const field of fields.filter((f) => f.unique)) {
        const found = indexes.some((i) => i.indexdef.includes(`"${model}"`) && new RegExp(`\\("?${field.name}"?\\)$`).test(i.indexdef));
        expect(found, `unique index on ${model}.${field.name}`).toBe(true);
      }
    }
  });
});
