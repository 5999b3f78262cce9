import { enumFor, formatFor, isNullOnly, plainKeywords, typeOf } from "./schema-keywords";
import { isSchema, resolveRefs, type Schema } from "./schema-refs";

export interface SanitizeOptions {
  /** Adds `propertyOrdering` so structured output keeps the schema's key order (Gemini sorts keys otherwise). */
  propertyOrdering?: boolean;
}

interface Walk {
  root: Schema;
  refs: string[];
  depth: number;
  options: SanitizeOptions;
}

const MAX_DEPTH = 24;

/**
 * A JSON Schema rewritten into the OpenAPI subset Gemini accepts: local `$ref`s inlined and `allOf`
 * merged, `oneOf` and type lists turned into `anyOf`, null members into `nullable`, `const` into
 * `enum`, unsupported keywords (`$schema`, `additionalProperties`, `default`, `examples`, …) dropped.
 */
export function sanitizeSchemaForGemini(schema: unknown, options: SanitizeOptions = {}): Schema {
  const root = isSchema(schema) ? schema : {};
  return sanitizeNode(root, { root, refs: [], depth: 0, options });
}

function sanitizeNode(input: unknown, walk: Walk): Schema {
  if (!isSchema(input) || walk.depth > MAX_DEPTH) return { type: "string" };
  const { schema, refs } = resolveRefs(input, walk.root, walk.refs);
  const next: Walk = { ...walk, refs, depth: walk.depth + 1 };
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches) && branches.length) return union(schema, branches, next);
  if (Array.isArray(schema.type)) return typeList(schema, schema.type, next);
  return single(schema, next);
}

/** `anyOf`/`oneOf`: null members become `nullable`, a lone remaining member is inlined. */
function union(schema: Schema, branches: unknown[], walk: Walk): Schema {
  const nullable = branches.some(isNullOnly) || schema.nullable === true;
  const inherited = typeof schema.type === "string" ? { type: schema.type } : {};
  const kept = branches.filter((branch) => !isNullOnly(branch)).map((branch) => sanitizeNode(isSchema(branch) ? { ...inherited, ...branch } : branch, walk));
  const meta = { ...(typeof schema.description === "string" ? { description: schema.description } : {}), ...(nullable ? { nullable: true } : {}) };
  if (kept.length === 1) return { ...kept[0], ...meta };
  return kept.length ? { ...meta, anyOf: kept } : { type: "string", ...meta };
}

/** `type: ["string", "null"]` → nullable string; several real types → `anyOf` of each. */
function typeList(schema: Schema, types: unknown[], walk: Walk): Schema {
  const real = types.filter((type): type is string => typeof type === "string" && type !== "null");
  const nullable = real.length < types.length ? { nullable: true } : {};
  if (real.length <= 1) return { ...single({ ...schema, type: real[0] }, walk), ...nullable };
  const { description, type: _type, nullable: _nullable, ...rest } = schema;
  const anyOf = real.map((type) => single({ ...rest, type }, walk));
  return { ...(typeof description === "string" ? { description } : {}), ...nullable, anyOf };
}

function single(schema: Schema, walk: Walk): Schema {
  const type = typeOf(schema);
  const { note, ...enumeration } = enumFor(schema, type);
  const description = [schema.description, note].filter((text) => typeof text === "string" && text).join(" ");
  const out: Schema = { type, ...(description ? { description } : {}), ...formatFor(schema, type), ...enumeration, ...plainKeywords(schema, type) };
  if (schema.nullable === true) out.nullable = true;
  if (type === "object") Object.assign(out, objectKeywords(schema, walk));
  if (type === "array") out.items = sanitizeNode(firstItem(schema), walk);
  return out;
}

function objectKeywords(schema: Schema, walk: Walk): Schema {
  if (!isSchema(schema.properties) || !Object.keys(schema.properties).length) return {};
  const properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, sanitizeNode(value, walk)]));
  const required = Array.isArray(schema.required) ? [...new Set(schema.required.filter((key) => typeof key === "string" && key in properties))] : [];
  const keys = Object.keys(properties);
  return {
    properties,
    ...(required.length ? { required } : {}),
    ...(walk.options.propertyOrdering && keys.length > 1 ? { propertyOrdering: keys } : {}),
  };
}

/** Arrays need `items`; a tuple (`prefixItems` or an items list) is described by its first member. */
function firstItem(schema: Schema): unknown {
  if (isSchema(schema.items)) return schema.items;
  const tuple = Array.isArray(schema.items) ? schema.items : Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  return tuple[0] ?? { type: "string" };
}
