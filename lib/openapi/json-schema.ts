export type JsonSchema = Record<string, unknown>;

export const str = { type: "string" };
export const int = { type: "integer" };
export const num = { type: "number" };
export const bool = { type: "boolean" };
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const array = (items: JsonSchema): JsonSchema => ({ type: "array", items });
export const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties), extra: JsonSchema = {}): JsonSchema => ({
  type: "object", properties, required, ...extra,
});
export const timestamp = { type: "string", format: "date-time" };
