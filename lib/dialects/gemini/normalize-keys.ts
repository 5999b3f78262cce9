/** Values that belong to the caller (function arguments and results, schemas): their keys are data. */
const OPAQUE = new Set(["args", "response", "parameters", "parametersJsonSchema", "responseSchema", "responseJsonSchema", "partMetadata", "labels"]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Google reads field names in snake_case as well as camelCase (its curl examples send
 * `system_instruction`, `inline_data`); we read camelCase, so names are converted first.
 */
export function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (!isObject(value)) return value;
  // fromEntries defines own properties: a "__proto__" key stays a key, never the prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const name = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      return [name, OPAQUE.has(name) ? inner : camelCaseKeys(inner)];
    }),
  );
}
