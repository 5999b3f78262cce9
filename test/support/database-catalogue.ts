import { columnList, quoted, type Catalogue } from "./catalogue";

/** A Prisma client or transaction: enough to read the catalogue of its current schema. */
export interface CatalogueSource {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

// The migration runner's own bookkeeping table is not part of the schema.
const OWN_TABLES = "'_oauthrouter_migrations'";
const IN_SCHEMA = `n.nspname = current_schema() AND c.relname NOT IN (${OWN_TABLES})`;
const ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

const ENUMS = `SELECT t.typname::text AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
  JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`;

const COLUMNS = `SELECT c.relname::text AS "table", a.attname::text AS "column", format_type(a.atttypid, a.atttypmod) AS type,
  a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "default"
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE ${IN_SCHEMA} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`;

const keyColumns = (keys: string, relation: string) => `(SELECT string_agg('"' || a.attname || '"', ', ' ORDER BY k.ord)
  FROM unnest(${keys}) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.num)`;

// NOT NULL constraints (PostgreSQL 18 lists them here) are read with the columns; unique ones with the indexes.
const CONSTRAINTS = `SELECT con.conname::text AS name, con.contype::text AS kind, c.relname::text AS "table",
  ${keyColumns("con.conkey", "con.conrelid")} AS columns, f.relname::text AS "refTable", ${keyColumns("con.confkey", "con.confrelid")} AS "refColumns",
  con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate", pg_get_constraintdef(con.oid) AS definition
  FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class f ON f.oid = con.confrelid WHERE ${IN_SCHEMA} AND con.contype NOT IN ('u', 'n')`;

const INDEXES = `SELECT ic.relname::text AS name, c.relname::text AS "table", i.indisunique AS "unique", am.amname::text AS method,
  pg_get_expr(i.indpred, i.indrelid) AS predicate,
  (SELECT string_agg(COALESCE('"' || a.attname || '"', pg_get_indexdef(i.indexrelid, k.ord::int, true))
     || CASE WHEN (i.indoption[(k.ord - 1)::int] & 1) = 1 THEN ' DESC' ELSE '' END, ', ' ORDER BY k.ord)
   FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord) LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num AND k.num <> 0) AS columns
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam WHERE ${IN_SCHEMA} AND NOT i.indisprimary`;

interface ColumnRow { table: string; column: string; type: string; notNull: boolean; default: string | null }
interface ConstraintRow { name: string; kind: string; table: string; columns: string; refTable: string | null; refColumns: string | null; onDelete: string; onUpdate: string; definition: string }
interface IndexRow { name: string; table: string; unique: boolean; method: string; predicate: string | null; columns: string }

function constraintSections(rows: ConstraintRow[]): Pick<Catalogue, "primaryKeys" | "foreignKeys" | "otherConstraints"> {
  const sections: Pick<Catalogue, "primaryKeys" | "foreignKeys" | "otherConstraints"> = { primaryKeys: {}, foreignKeys: {}, otherConstraints: {} };
  for (const row of rows) {
    const own = `${quoted(row.table)} (${row.columns})`;
    if (row.kind === "p") sections.primaryKeys[row.name] = own;
    else if (row.kind === "f") sections.foreignKeys[row.name] = `${own} REFERENCES ${quoted(row.refTable!)} (${row.refColumns}) ON DELETE ${ACTIONS[row.onDelete]} ON UPDATE ${ACTIONS[row.onUpdate]}`;
    else sections.otherConstraints[row.name] = `${quoted(row.table)} ${row.definition}`;
  }
  return sections;
}

function indexEntry(row: IndexRow): [string, string] {
  const method = row.method === "btree" ? "" : `USING ${row.method} `;
  const predicate = row.predicate === null ? "" : ` WHERE ${row.predicate}`;
  return [row.name, `${row.unique ? "UNIQUE " : ""}${quoted(row.table)} ${method}${columnList([row.columns])}${predicate}`];
}

/** The catalogue of the database's current schema, as PostgreSQL reports it. */
export async function databaseCatalogue(source: CatalogueSource): Promise<Catalogue> {
  const enums: Catalogue["enums"] = {};
  for (const row of await source.$queryRawUnsafe<Array<{ name: string; value: string }>>(ENUMS)) (enums[row.name] ??= []).push(row.value);
  const columns = Object.fromEntries((await source.$queryRawUnsafe<ColumnRow[]>(COLUMNS)).map((row) => [
    `${quoted(row.table)}.${quoted(row.column)}`,
    `${row.type}${row.notNull ? " NOT NULL" : ""}${row.default === null ? "" : ` DEFAULT ${row.default}`}`,
  ]));
  const constraints = constraintSections(await source.$queryRawUnsafe<ConstraintRow[]>(CONSTRAINTS));
  const indexes = Object.fromEntries((await source.$queryRawUnsafe<IndexRow[]>(INDEXES)).map(indexEntry));
  return { enums, columns, primaryKeys: constraints.primaryKeys, indexes, foreignKeys: constraints.foreignKeys, otherConstraints: constraints.otherConstraints };
}
