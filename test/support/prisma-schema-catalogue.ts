import { readFileSync } from "node:fs";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import { columnList, quoted, type Catalogue } from "./catalogue";

// Prisma's own parser (wasm, offline) reads the schema; this file turns its DMMF into the catalogue
// `prisma migrate` would build on PostgreSQL, with Prisma's default names for keys and indexes.
type Document = Exclude<ReturnType<typeof getDMMF>, { reason: string }>;
type Datamodel = Document["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

const SCALAR_TYPES: Record<string, string> = {
  String: "text", Int: "integer", BigInt: "bigint", Float: "double precision", Boolean: "boolean",
  DateTime: "timestamp(3) without time zone", Json: "jsonb", Decimal: "numeric(65,30)", Bytes: "bytea",
};
const REFERENTIAL_ACTIONS: Record<string, string> = { Cascade: "CASCADE", SetNull: "SET NULL", Restrict: "RESTRICT", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" };
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

function unsupported(what: string): never {
  throw new Error(`prisma-schema-catalogue does not know how PostgreSQL stores ${what}; teach it before relying on this check`);
}

/** As PostgreSQL's format_type prints a type name: quoted unless plain lower case. */
const typeName = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : quoted(name));

/** Prisma's default constraint name: `<table>_<columns>_<suffix>`, the front cut to PostgreSQL's 63 bytes. */
export function defaultConstraintName(table: string, columns: readonly string[], suffix: string): string {
  return `${[table, ...columns].join("_").slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

export function readSchemaDatamodel(file = path.resolve(process.cwd(), "prisma", "schema.prisma")): Datamodel {
  const result = getDMMF({ datamodel: readFileSync(file, "utf8") });
  if ("reason" in result) throw result.error;
  return result.datamodel;
}

function scalarType(field: Field, enums: Map<string, string>): string {
  if (field.nativeType) unsupported(`the native type @db.${field.nativeType[0]}`);
  const base = field.kind === "enum" ? typeName(enums.get(field.type)!) : SCALAR_TYPES[field.type] ?? unsupported(`the type ${field.type}`);
  return field.isList ? `${base}[]` : base;
}

const NUMERIC = new Set(["Int", "BigInt", "Float", "Decimal"]);

// PostgreSQL prints a non-negative number bare and anything else as a cast string; DMMF gives BigInt defaults as strings.
function literal(value: string | number | boolean, field: Field, type: string): string {
  if (typeof value === "boolean") return String(value);
  if (NUMERIC.has(field.type) && !String(value).startsWith("-")) return String(value);
  return `'${String(value).replaceAll("'", "''")}'::${type}`;
}

function columnDefault(field: Field, type: string, enumValues: Map<string, Map<string, string>>): string | null {
  const value = field.default;
  if (field.isUpdatedAt || value === undefined) return null;
  if (typeof value === "object" && "name" in value) {
    if (value.name === "now") return "CURRENT_TIMESTAMP";
    if (value.name === "dbgenerated") return String(value.args[0]);
    return CLIENT_SIDE_DEFAULTS.has(value.name) ? null : unsupported(`the default ${value.name}()`);
  }
  if (typeof value === "object") return value.length === 0 ? `ARRAY[]::${type}` : unsupported("a non-empty list default");
  if (field.kind === "enum") return literal(enumValues.get(field.type)!.get(String(value)) ?? String(value), field, type);
  if (field.type === "DateTime") unsupported("a literal DateTime default");
  return literal(value, field, type);
}

const columnOf = (model: Model, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName) ?? unsupported(`the field ${model.name}.${fieldName}`);
  return field.dbName ?? field.name;
};
const tableOf = (model: Model) => model.dbName ?? model.name;

function columns(datamodel: Datamodel): Catalogue["columns"] {
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValues = new Map(datamodel.enums.map((e) => [e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name]))]));
  const entries = datamodel.models.flatMap((model) =>
    model.fields.filter((field) => field.kind !== "object").map((field) => {
      if (field.kind === "unsupported") unsupported(`the Unsupported("${field.type}") field ${model.name}.${field.name}`);
      const type = scalarType(field, enumNames);
      // Prisma Migrate creates scalar lists nullable on PostgreSQL, required or not.
      const notNull = field.isRequired && !field.isList ? " NOT NULL" : "";
      const fallback = columnDefault(field, type, enumValues);
      return [`${quoted(tableOf(model))}.${quoted(field.dbName ?? field.name)}`, `${type}${notNull}${fallback === null ? "" : ` DEFAULT ${fallback}`}`];
    }),
  );
  return Object.fromEntries(entries);
}

function keysAndIndexes(datamodel: Datamodel): Pick<Catalogue, "primaryKeys" | "indexes"> {
  const primaryKeys: Catalogue["primaryKeys"] = {};
  const indexes: Catalogue["indexes"] = {};
  for (const index of datamodel.indexes) {
    const model = datamodel.models.find((m) => m.name === index.model)!;
    const table = tableOf(model);
    const names = index.fields.map((f) => columnOf(model, f.name));
    if (index.fields.some((f) => f.length !== undefined || f.operatorClass !== undefined)) unsupported(`a length or operator class on an index of ${model.name}`);
    const rendered = index.fields.map((f) => `${quoted(columnOf(model, f.name))}${f.sortOrder === "desc" ? " DESC" : ""}`);
    if (index.type === "id") {
      primaryKeys[index.dbName ?? defaultConstraintName(table, [], "pkey")] = `${quoted(table)} ${columnList(names.map(quoted))}`;
      continue;
    }
    if (index.type === "fulltext") unsupported(`the full-text index on ${model.name}`);
    const unique = index.type === "unique";
    const method = index.algorithm && index.algorithm !== "BTree" ? `USING ${index.algorithm.toLowerCase()} ` : "";
    indexes[index.dbName ?? defaultConstraintName(table, names, unique ? "key" : "idx")] = `${unique ? "UNIQUE " : ""}${quoted(table)} ${method}${columnList(rendered)}`;
  }
  return { primaryKeys, indexes };
}

function foreignKeys(datamodel: Datamodel): Catalogue["foreignKeys"] {
  const entries = datamodel.models.flatMap((model) =>
    model.fields.filter((field) => field.relationFromFields?.length).map((field) => {
      const target = datamodel.models.find((m) => m.name === field.type)!;
      const from = field.relationFromFields!.map((name) => columnOf(model, name));
      const to = field.relationToFields!.map((name) => columnOf(target, name));
      // Prisma's defaults when the schema names no action: SetNull for an optional relation, Restrict for a required one; Cascade on update.
      const optional = field.relationFromFields!.some((name) => !model.fields.find((f) => f.name === name)!.isRequired);
      const onDelete = REFERENTIAL_ACTIONS[field.relationOnDelete ?? (optional ? "SetNull" : "Restrict")];
      const onUpdate = REFERENTIAL_ACTIONS[field.relationOnUpdate ?? "Cascade"];
      const definition = `${quoted(tableOf(model))} ${columnList(from.map(quoted))} REFERENCES ${quoted(tableOf(target))} ${columnList(to.map(quoted))} ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
      return [defaultConstraintName(tableOf(model), from, "fkey"), definition];
    }),
  );
  return Object.fromEntries(entries);
}

/** What `prisma migrate` would build on PostgreSQL for prisma/schema.prisma. */
export function schemaCatalogue(datamodel = readSchemaDatamodel()): Catalogue {
  return {
    enums: Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)])),
    columns: columns(datamodel),
    ...keysAndIndexes(datamodel),
    foreignKeys: foreignKeys(datamodel),
    otherConstraints: {},
  };
}
