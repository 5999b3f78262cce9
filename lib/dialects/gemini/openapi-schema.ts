const COUNTS = new Set(["minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"]);
const NESTED_LISTS = new Set(["anyOf", "oneOf", "allOf"]);

/**
 * Gemini's OpenAPI-style Schema (`"type":"OBJECT"`, `nullable`, int64 counts as strings) as the
 * JSON Schema the other families take. Property names are kept as written.
 */
export function toJsonSchema(schema: unknown): Record<string, unknown> | undefined {
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "type" && typeof value === "string") {
      if (value !== "TYPE_UNSPECIFIED") out.type = value.toLowerCase();
    } else if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toJsonSchema(inner) ?? inner]));
    } else if (key === "items") {
      out.items = toJsonSchema(value) ?? value;
    } else if (NESTED_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((inner) => toJsonSchema(inner) ?? inner);
    } else if (COUNTS.has(key) && typeof value === "string" && /^\d+$/.test(value)) {
      out[key] = Number(value);
    } else if (key !== "nullable" && key !== "propertyOrdering") {
      out[key] = value;
    }
  }
  if ((schema as { nullable?: unknown }).nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  return out;
}
