import { describe, expect, it } from "vitest";
import { structuredOutputFor, supportsNativeStructuredOutput } from "./structured-output";

const withSchema = (schema: Record<string, unknown>) => ({ model: "x", messages: [], response_format: { type: "json_schema" as const, json_schema: { name: "s", schema } } });

describe("structured output for Anthropic", () => {
  it("knows which models take output_config.format", () => {
    expect(["claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001", "claude-opus-4-6", "claude-opus-5"].every(supportsNativeStructuredOutput)).toBe(true);
    expect(["claude-sonnet-4-20250514", "claude-opus-4-1", "claude-3-5-haiku-latest", "claude-3-7-sonnet-20250219"].some(supportsNativeStructuredOutput)).toBe(false);
  });

  it("closes objects, moves unsupported constraints into descriptions and walks nested schemas", () => {
    const out = structuredOutputFor(withSchema({
      type: "object",
      properties: { items: { type: "array", minItems: 2, items: { type: "object", properties: { n: { type: "integer", minimum: 1, description: "count" } } } }, pick: { oneOf: [{ type: "string" }, { type: "null" }] } },
      $defs: { Tag: { type: "object", properties: {} } },
    }), "claude-sonnet-4-5");
    expect(out).toEqual({ kind: "native", format: { type: "json_schema", schema: {
      type: "object", additionalProperties: false,
      properties: {
        items: { type: "array", description: "{\"minItems\":2}", items: { type: "object", additionalProperties: false, properties: { n: { type: "integer", description: "count\n\n{\"minimum\":1}" } } } },
        pick: { anyOf: [{ type: "string" }, { type: "null" }] },
      },
      $defs: { Tag: { type: "object", properties: {}, additionalProperties: false } },
    } } });
  });

  it("uses the forced tool for open-ended objects it cannot express natively", () => {
    const out = structuredOutputFor(withSchema({ type: "object", additionalProperties: { type: "string" } }), "claude-sonnet-4-5");
    expect(out?.kind).toBe("tool");
  });
});
