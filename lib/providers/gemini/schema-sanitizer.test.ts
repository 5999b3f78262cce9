import { describe, expect, it } from "vitest";
import { GatewayError } from "@/lib/errors/gateway-error";
import { refBomb } from "@/test/support/attack-inputs";
import { sanitizeSchemaForGemini } from "./schema-sanitizer";

describe("sanitizeSchemaForGemini", () => {
  it("drops keywords Gemini rejects and keeps the ones it takes", () => {
    expect(sanitizeSchemaForGemini({
      $schema: "http://json-schema.org/draft-07/schema#", $id: "urn:x", type: "object", additionalProperties: false, title: "Args",
      properties: {
        name: { type: "string", default: "Ann", examples: ["Bob"], minLength: 1, maxLength: 40, pattern: "^[A-Z]", minimum: 3 },
        tags: { type: "array", items: { type: "string" }, minItems: 1, uniqueItems: true },
        age: { type: "integer", exclusiveMinimum: 0, maximum: 150, multipleOf: 1 },
      },
      required: ["name", "ghost"],
    })).toEqual({
      type: "object", title: "Args",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 40, pattern: "^[A-Z]" },
        tags: { type: "array", items: { type: "string" }, minItems: 1 },
        age: { type: "integer", maximum: 150 },
      },
      required: ["name"],
    });
  });

  it("keeps only the format values Gemini accepts for each type", () => {
    const out = sanitizeSchemaForGemini({ type: "object", properties: {
      when: { type: "string", format: "date-time" }, mail: { type: "string", format: "email" }, uri: { type: "string", format: "uri" },
      ratio: { type: "number", format: "double" }, count: { type: "integer", format: "int64" }, odd: { type: "integer", format: "uint8" },
    } });
    expect(out.properties).toEqual({
      when: { type: "string", format: "date-time" }, mail: { type: "string" }, uri: { type: "string" },
      ratio: { type: "number", format: "double" }, count: { type: "integer", format: "int64" }, odd: { type: "integer" },
    });
  });

  it("turns const into enum, null members into nullable, and non-string enums into a description note", () => {
    const out = sanitizeSchemaForGemini({ type: "object", properties: {
      kind: { const: "circle" },
      unit: { type: ["string", "null"], enum: ["c", "f", null] },
      level: { type: "integer", enum: [1, 2, 3], description: "Verbosity." },
    } });
    expect(out.properties).toEqual({
      kind: { type: "string", enum: ["circle"] },
      unit: { type: "string", enum: ["c", "f"], nullable: true },
      level: { type: "integer", description: "Verbosity. Allowed values: 1, 2, 3." },
    });
  });

  it("turns type lists and optional unions into nullable types, real unions into anyOf", () => {
    const out = sanitizeSchemaForGemini({ type: "object", properties: {
      city: { type: ["string", "null"] },
      maybe: { anyOf: [{ type: "integer" }, { type: "null" }], description: "An optional count" },
      either: { oneOf: [{ type: "string" }, { type: "object", properties: { id: { type: "string" } } }] },
      many: { type: ["string", "number"], description: "Text or number" },
    } });
    expect(out.properties).toEqual({
      city: { type: "string", nullable: true },
      maybe: { type: "integer", description: "An optional count", nullable: true },
      either: { anyOf: [{ type: "string" }, { type: "object", properties: { id: { type: "string" } } }] },
      many: { description: "Text or number", anyOf: [{ type: "string" }, { type: "number" }] },
    });
  });

  it("inlines local $refs and merges allOf, stopping at recursion", () => {
    const out = sanitizeSchemaForGemini({
      type: "object",
      $defs: {
        Address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" } }, required: ["city"] },
        Node: { type: "object", properties: { value: { type: "string" }, child: { $ref: "#/$defs/Node" } } },
      },
      definitions: { Id: { type: "string", description: "An id" } },
      properties: {
        home: { $ref: "#/$defs/Address", description: "Where they live" },
        id: { $ref: "#/definitions/Id" },
        tree: { $ref: "#/$defs/Node" },
        tagged: { allOf: [{ $ref: "#/$defs/Address" }, { properties: { tag: { type: "string" } }, required: ["tag"] }] },
      },
    });
    expect(out).not.toHaveProperty("$defs");
    expect(out.properties).toEqual({
      home: { type: "object", description: "Where they live", properties: { street: { type: "string" }, city: { type: "string" } }, required: ["city"] },
      id: { type: "string", description: "An id" },
      tree: { type: "object", properties: { value: { type: "string" }, child: { type: "object" } } },
      tagged: { type: "object", properties: { street: { type: "string" }, city: { type: "string" }, tag: { type: "string" } }, required: ["city", "tag"] },
    });
  });

  it("infers missing types, gives arrays items, and keeps properties only on objects", () => {
    const out = sanitizeSchemaForGemini({ properties: {
      meta: { properties: { a: { type: "boolean" } } },
      list: { type: "array" },
      tuple: { type: "array", prefixItems: [{ type: "number" }, { type: "string" }] },
      word: { type: "string", properties: { x: { type: "string" } }, items: { type: "string" } },
      free: { type: "object", additionalProperties: true },
      choice: { enum: ["a", "b"] },
    } });
    expect(out).toEqual({ type: "object", properties: {
      meta: { type: "object", properties: { a: { type: "boolean" } } },
      list: { type: "array", items: { type: "string" } },
      tuple: { type: "array", items: { type: "number" } },
      word: { type: "string" },
      free: { type: "object" },
      choice: { type: "string", enum: ["a", "b"] },
    } });
  });

  it("adds propertyOrdering for structured output when asked", () => {
    const out = sanitizeSchemaForGemini({ type: "object", properties: { z: { type: "string" }, a: { type: "object", properties: { y: { type: "string" }, b: { type: "string" } } } } }, { propertyOrdering: true });
    expect(out.propertyOrdering).toEqual(["z", "a"]);
    expect((out.properties as Record<string, Record<string, unknown>>).a.propertyOrdering).toEqual(["y", "b"]);
  });
});

describe("bounded work on schemas that expand", () => {
  it("refuses, as a 400 naming the schema, $refs within allOf and properties that would expand to millions of nodes", () => {
    const bomb = refBomb();
    expect(JSON.stringify(bomb).length).toBeLessThan(1_800);
    let thrown: unknown;
    try {
      sanitizeSchemaForGemini(bomb, { what: "response_format.json_schema.schema" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GatewayError);
    expect(thrown).toMatchObject({ status: 400, type: "invalid_request_error" });
    expect((thrown as Error).message).toMatch(/^response_format\.json_schema\.schema is too large to convert: it expands past 20000 nodes/);
  });

  it("stops a ref chain nested past the depth limit, and a schema nested past it without refs", () => {
    const defs: Record<string, unknown> = { D0: { type: "string" } };
    for (let n = 1; n <= 40; n++) defs[`D${n}`] = { type: "object", properties: { next: { $ref: `#/$defs/D${n - 1}` } } };
    expect(() => sanitizeSchemaForGemini({ $defs: defs, $ref: "#/$defs/D40" })).toThrow(/nest more than 32 deep|nests more than 32 levels/);
    let deep: Record<string, unknown> = { type: "string" };
    for (let n = 0; n < 40; n++) deep = { type: "object", properties: { inner: deep } };
    expect(() => sanitizeSchemaForGemini(deep)).toThrow(/nests more than 32 levels deep/);
  });

  it("still inlines a definition used many times over, as real schemas do", () => {
    const address = { type: "object", properties: { street: { type: "string" }, city: { type: "string" } } };
    const properties = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}`, { $ref: "#/$defs/Address" }]));
    const out = sanitizeSchemaForGemini({ type: "object", $defs: { Address: address }, properties });
    expect(Object.keys(out.properties as object)).toHaveLength(200);
    expect((out.properties as Record<string, unknown>).p199).toEqual(address);
  });
});
