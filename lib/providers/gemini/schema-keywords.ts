import type { Schema } from "./schema-refs";

export const GEMINI_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object"]);

// Keywords Gemini takes as they are, each only on the types it applies to.
const PLAIN_KEYWORDS: Record<string, string[]> = {
  string: ["minLength", "maxLength", "pattern"],
  number: ["minimum", "maximum"],
  integer: ["minimum", "maximum"],
  array: ["minItems", "maxItems"],
  object: ["minProperties", "maxProperties"],
};

export function plainKeywords(schema: Schema, type: string): Schema {
  const keys = ["title", ...(PLAIN_KEYWORDS[type] ?? [])];
  return Object.fromEntries(keys.filter((key) => typeof schema[key] === "string" || typeof schema[key] === "number").map((key) => [key, schema[key]]));
}

// Gemini accepts only these `format` values, per type; any other is a 400.
const FORMATS: Record<string, string[]> = { string: ["enum", "date-time"], number: ["float", "double"], integer: ["int32", "int64"] };

/** The schema's single type: declared, or read from its shape (properties, items, enum). */
export function typeOf(schema: Schema): string {
  if (typeof schema.type === "string" && GEMINI_TYPES.has(schema.type.toLowerCase())) return schema.type.toLowerCase();
  if (schema.properties !== undefined || schema.required !== undefined) return "object";
  if (schema.items !== undefined || schema.prefixItems !== undefined) return "array";
  return "string";
}

export function formatFor(schema: Schema, type: string): Schema {
  return typeof schema.format === "string" && FORMATS[type]?.includes(schema.format) ? { format: schema.format } : {};
}

/**
 * `enum`/`const` the way Gemini takes them: string values only, on string types. A null value
 * becomes `nullable`; values of other types are kept as a note in the description instead.
 */
export function enumFor(schema: Schema, type: string): { enum?: string[]; nullable?: true; note?: string } {
  const values = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : undefined;
  if (!values) return {};
  const present = values.filter((value) => value !== null);
  const nullable = present.length < values.length ? { nullable: true as const } : {};
  if (!present.length) return nullable;
  if (type === "string") return { ...nullable, enum: present.map(String) };
  return { ...nullable, note: `Allowed values: ${present.map((value) => JSON.stringify(value)).join(", ")}.` };
}

/** A branch or type that only says "null" (`{type: "null"}`, `type: ["null"]`, `const: null`). */
export function isNullOnly(schema: unknown): boolean {
  if (!schema || typeof schema !== "object") return false;
  const { type, const: constant, enum: values } = schema as Schema;
  if (type === "null" || (Array.isArray(type) && type.length > 0 && type.every((t) => t === "null"))) return true;
  return constant === null || (Array.isArray(values) && values.length > 0 && values.every((v) => v === null));
}
