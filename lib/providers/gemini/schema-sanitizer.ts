import { schemaTooLarge, WorkBudget } from "@/lib/providers/shared/work-budget";
import { enumFor, formatFor, isNullOnly, plainKeywords, typeOf } from "./schema-keywords";
import { isSchema, resolveRefs, type Expansion, type Schema } from "./schema-refs";

export interface SanitizeOptions {
  /** Adds `propertyOrdering` so structured output keeps the schema's key order (Gemini sorts keys otherwise). */
  propertyOrdering?: boolean;
  /** What the schema is, for the 400 when it is too large to convert (e.g. "response_format's schema"). */
  what?: string;
}

interface Walk {
  expansion: Expansion;
  refs: string[];
  depth: number;
  options: SanitizeOptions;
}

const MAX_DEPTH = 32;
/**
 * The most one schema may become once its $refs and allOf are expanded: nodes built plus 256-character
 * pieces of text copied. Real schemas use a few hundred; 1.6 KB of refs within refs could ask for millions.
 */
export const EXPANSION_BUDGET = 20_000;

/**
 * A JSON Schema rewritten into the OpenAPI subset Gemini accepts: local `$ref`s inlined and `allOf`
 * merged, `oneOf` and type lists turned into `anyOf`, null members into `nullable`, `const` into
 * `enum`, unsupported keywords (`$schema`, `additionalProperties`, `default`, `examples`, …) dropped.
 * A schema nested past MAX_DEPTH, or expanding past EXPANSION_BUDGET, is a 400.
 */
export function sanitizeSchemaForGemini(schema: unknown, options: SanitizeOptions = {}): Schema {
  const root = isSchema(schema) ? schema : {};
  const what = options.what ?? "A JSON schema";
  const budget = new WorkBudget(EXPANSION_BUDGET, (limit) => schemaTooLarge(what, `it expands past ${limit} nodes once its $refs and allOf are inlined`));
  return sanitizeNode(root, { expansion: { root, budget, what }, refs: [], depth: 0, options });
}

function sanitizeNode(input: unknown, walk: Walk): Schema {
  if (!isSchema(input)) return { type: "string" };
  if (walk.depth > MAX_DEPTH) throw schemaTooLarge(walk.expansion.what, `it nests more than ${MAX_DEPTH} levels deep`);
  walk.expansion.budget.spend();
  const { schema, refs } = resolveRefs(input, walk.expansion, walk.refs);
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
  const { budget } = walk.expansion;
  if (Array.isArray(schema.enum)) budget.spend(schema.enum.length);
  const { note, ...enumeration } = enumFor(schema, type);
  const description = [schema.description, note].filter((text) => typeof text === "string" && text).join(" ");
  budget.spendText(description);
  const out: Schema = { type, ...(description ? { description } : {}), ...formatFor(schema, type), ...enumeration, ...plainKeywords(schema, type) };
  if (schema.nullable === true) out.nullable = true;
  if (type === "object") Object.assign(out, objectKeywords(schema, walk));
  if (type === "array") out.items = sanitizeNode(firstItem(schema), walk);
  return out;
}

function objectKeywords(schema: Schema, walk: Walk): Schema {
  if (!isSchema(schema.properties) || !Object.keys(schema.properties).length) return {};
  if (Array.isArray(schema.required)) walk.expansion.budget.spend(schema.required.length);
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
