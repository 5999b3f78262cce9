export type Schema = Record<string, unknown>;

export const isSchema = (value: unknown): value is Schema => value !== null && typeof value === "object" && !Array.isArray(value);

/** A local JSON pointer (`#/$defs/Node`, `#/definitions/Node`, `#/properties/a`) looked up in the root. */
function lookup(ref: string, root: Schema): Schema | undefined {
  if (!ref.startsWith("#")) return undefined;
  let target: unknown = root;
  for (const raw of ref.slice(1).split("/").filter(Boolean)) {
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
 * the path is recursion, which Gemini's schema cannot express: it becomes a plain object.
 */
export function resolveRefs(input: Schema, root: Schema, refs: string[]): Resolved {
  let schema = input;
  let path = refs;
  while (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    const { $ref: _ref, ...siblings } = schema;
    if (path.includes(ref)) return { schema: { type: "object", ...pick(siblings, "description") }, refs: path };
    schema = { ...(lookup(ref, root) ?? { type: "object" }), ...siblings };
    path = [...path, ref];
  }
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(schema, root, path);
  return { schema, refs: path };
}

function mergeAllOf(schema: Schema, root: Schema, refs: string[]): Schema {
  const { allOf, ...rest } = schema;
  const members = (allOf as unknown[]).filter(isSchema).map((member) => resolveRefs(member, root, refs).schema);
  let merged: Schema = {};
  for (const member of [...members, rest]) {
    const properties = { ...(merged.properties as Schema | undefined), ...(member.properties as Schema | undefined) };
    const required = [...((merged.required as unknown[]) ?? []), ...((member.required as unknown[]) ?? [])];
    merged = { ...merged, ...member, properties, required: [...new Set(required)] };
  }
  if (!Object.keys(merged.properties as Schema).length) delete merged.properties;
  if (!(merged.required as unknown[]).length) delete merged.required;
  return merged;
}

function pick(schema: Schema, ...keys: string[]): Schema {
  return Object.fromEntries(keys.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
}
