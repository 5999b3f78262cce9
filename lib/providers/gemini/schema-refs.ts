import { schemaTooLarge, type WorkBudget } from "@/lib/providers/shared/work-budget";

export type Schema = Record<string, unknown>;

export const isSchema = (value: unknown): value is Schema => value !== null && typeof value === "object" && !Array.isArray(value);

/** The schema being expanded, the budget its expansion spends, and what to call it in a 400. */
export interface Expansion {
  root: Schema;
  budget: WorkBudget;
  what: string;
}

/** How many `$ref`s may be followed one inside another (a chain, or a ref within a ref's target). */
export const MAX_REF_DEPTH = 32;

/** A local JSON pointer (`#/$defs/Node`, `#/definitions/Node`, `#/properties/a`) looked up in the root. */
function lookup(ref: string, expansion: Expansion): Schema | undefined {
  if (!ref.startsWith("#")) return undefined;
  const segments = ref.slice(1).split("/").filter(Boolean);
  expansion.budget.spend(1 + segments.length);
  let target: unknown = expansion.root;
  for (const raw of segments) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    target = isSchema(target) ? target[key] : undefined;
  }
  return isSchema(target) ? target : undefined;
}

export interface Resolved {
  schema: Schema;
  /** The refs followed to get here, to stop at recursion. */
  refs: string[];
}

/**
 * Follows `$ref` chains (siblings of the ref win) and folds `allOf` into one schema. A ref already on
 * the path is recursion, which Gemini's schema cannot express: it becomes a plain object. Every ref
 * followed and member merged is spent from the expansion's budget (refs within refs multiply).
 */
export function resolveRefs(input: Schema, expansion: Expansion, refs: string[]): Resolved {
  let schema = input;
  let path = refs;
  while (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    const { $ref: _ref, ...siblings } = schema;
    if (path.includes(ref)) return { schema: { type: "object", ...pick(siblings, "description") }, refs: path };
    if (path.length >= MAX_REF_DEPTH) throw schemaTooLarge(expansion.what, `$refs nest more than ${MAX_REF_DEPTH} deep`);
    schema = { ...(lookup(ref, expansion) ?? { type: "object" }), ...siblings };
    path = [...path, ref];
  }
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(schema, expansion, path);
  return { schema, refs: path };
}

function mergeAllOf(schema: Schema, expansion: Expansion, refs: string[]): Schema {
  const { allOf, ...rest } = schema;
  const members = (allOf as unknown[]).filter(isSchema).map((member) => resolveRefs(member, expansion, refs).schema);
  let merged: Schema = {};
  for (const member of [...members, rest]) {
    const properties = { ...(merged.properties as Schema | undefined), ...(member.properties as Schema | undefined) };
    const required = [...((merged.required as unknown[]) ?? []), ...((member.required as unknown[]) ?? [])];
    expansion.budget.spend(1 + Object.keys(member).length + Object.keys(properties).length + required.length);
    merged = { ...merged, ...member, properties, required: [...new Set(required)] };
  }
  if (!Object.keys(merged.properties as Schema).length) delete merged.properties;
  if (!(merged.required as unknown[]).length) delete merged.required;
  return merged;
}

function pick(schema: Schema, ...keys: string[]): Schema {
  return Object.fromEntries(keys.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
}
