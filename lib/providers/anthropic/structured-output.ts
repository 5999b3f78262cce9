import type { ChatRequest } from "@/lib/providers/types";

/** The forced tool that carries JSON answers on models without native structured output. */
export const JSON_TOOL = "__oauthrouter_json";

export type StructuredOutput =
  | { kind: "native"; format: { type: "json_schema"; schema: Record<string, unknown> } }
  | { kind: "tool"; tool: { name: string; description: string; input_schema: Record<string, unknown> } };

// Constraints Anthropic's constrained decoding rejects; moved into the description, as its SDKs do.
const MOVED_TO_DESCRIPTION = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "maxItems", "uniqueItems", "minProperties", "maxProperties"];
const SUBSCHEMA_LISTS = ["anyOf", "allOf", "prefixItems"];
const SUBSCHEMA_MAPS = ["properties", "$defs", "definitions"];

/** `output_config.format` is generally available from the Claude 4.5 models on; older ones get the forced tool. */
export function supportsNativeStructuredOutput(model: string): boolean {
  const match = model.match(/^claude-(?:opus|sonnet|haiku)-(\d+)(?:-(\d{1,2}))?(?:-\d{8})?$/);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2] ?? 0)];
  return major > 4 || (major === 4 && minor >= 5);
}

/** A copy Anthropic accepts, or null when it cannot be made one (open-ended objects). */
function sanitize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sanitize);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  if ("oneOf" in out) [out.anyOf, out.oneOf] = [out.oneOf, undefined];
  const isObject = out.type === "object" || (Array.isArray(out.type) && out.type.includes("object")) || "properties" in out;
  if (isObject && out.additionalProperties !== undefined && out.additionalProperties !== false) throw new Incompatible();
  if (isObject) out.additionalProperties = false;
  const moved = Object.fromEntries(MOVED_TO_DESCRIPTION.filter((k) => out[k] !== undefined).map((k) => [k, out[k]]));
  if (typeof out.minItems === "number" && out.minItems > 1) moved.minItems = out.minItems;
  for (const key of Object.keys(moved)) delete out[key];
  if (Object.keys(moved).length) out.description = [out.description, JSON.stringify(moved)].filter(Boolean).join("\n\n");
  for (const key of SUBSCHEMA_LISTS) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(sanitize);
  for (const key of SUBSCHEMA_MAPS) {
    const map = out[key];
    if (map && typeof map === "object") out[key] = Object.fromEntries(Object.entries(map).map(([name, schema]) => [name, sanitize(schema)]));
  }
  if (out.items !== undefined) out.items = sanitize(out.items);
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
}

class Incompatible extends Error {}

function nativeSchema(schema: Record<string, unknown>): Record<string, unknown> | null {
  try {
    return sanitize(schema) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof Incompatible) return null;
    throw error;
  }
}

/**
 * How `response_format` reaches Anthropic: a json_schema as native structured output
 * (`output_config.format`) where the model and schema allow it; otherwise, and for json_object,
 * as a forced tool whose input is the answer (responses turn it back into text).
 */
export function structuredOutputFor(request: ChatRequest, model: string): StructuredOutput | undefined {
  const format = request.response_format;
  if (format?.type !== "json_schema" && format?.type !== "json_object") return undefined;
  const schema = format.type === "json_schema" ? (format.json_schema.schema ?? { type: "object" }) : { type: "object" };
  const native = format.type === "json_schema" && supportsNativeStructuredOutput(model) ? nativeSchema(schema) : null;
  if (native) return { kind: "native", format: { type: "json_schema", schema: native } };
  const description = format.type === "json_schema" && format.json_schema.description ? format.json_schema.description : "Respond with the answer as this tool's input.";
  return { kind: "tool", tool: { name: JSON_TOOL, description, input_schema: schema } };
}
