import { USAGE_COST_PROPERTIES } from "./response-schemas";

type JsonSchema = Record<string, unknown>;

const str = { type: "string" };
const int = { type: "integer" };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: "object", properties, required });

const outputText = object({ type: { const: "output_text" }, text: str, annotations: { type: "array", items: { type: "object" } }, logprobs: { type: "array" } });
const itemStatus = { enum: ["in_progress", "completed", "incomplete"] };

/** The Responses API's bodies, as openai's SDK types describe them. */
export const RESPONSES_API_SCHEMAS: Record<string, JsonSchema> = {
  ResponseOutputItem: {
    description: "An output item: a message, a function call, or reasoning (for OpenAI models also OpenAI's own tool call items).",
    oneOf: [
      object({ id: str, type: { const: "message" }, role: { const: "assistant" }, status: itemStatus, content: { type: "array", items: outputText } }),
      object({ id: str, type: { const: "function_call" }, status: itemStatus, call_id: str, name: str, arguments: { ...str, description: "JSON text of the arguments." } }),
      {
        ...object({ id: str, type: { const: "reasoning" }, summary: { type: "array", items: object({ type: { const: "summary_text" }, text: str }) }, encrypted_content: nullable(str) }, ["id", "type", "summary"]),
        description: "encrypted_content is opaque: send the item back as it came and the model gets its reasoning (signatures included) again.",
      },
      { type: "object", properties: { type: str }, required: ["type"], description: "Another item type, from an OpenAI model." },
    ],
  },
  Response: object(
    {
      id: { ...str, description: "resp_…; for previous_response_id, GET and DELETE /v1/responses/{response_id}." },
      object: { const: "response" }, created_at: int,
      status: { enum: ["completed", "incomplete", "failed", "in_progress"] },
      model: { ...str, description: "The model that answered, as its provider names it." },
      output: { type: "array", items: ref("ResponseOutputItem") },
      error: nullable(object({ code: str, message: str })),
      incomplete_details: nullable(object({ reason: { enum: ["max_output_tokens", "content_filter"] } })),
      usage: nullable(object({
        input_tokens: int, input_tokens_details: object({ cached_tokens: int }, ["cached_tokens"]),
        output_tokens: int, output_tokens_details: object({ reasoning_tokens: int }), total_tokens: int,
        ...USAGE_COST_PROPERTIES,
      }, ["input_tokens", "input_tokens_details", "output_tokens", "output_tokens_details", "total_tokens"])),
      previous_response_id: nullable(str), instructions: nullable(str), metadata: { type: "object" }, store: { type: "boolean" },
      tools: { type: "array", items: { type: "object" } }, tool_choice: {}, parallel_tool_calls: { type: "boolean" },
      temperature: nullable({ type: "number" }), top_p: nullable({ type: "number" }), max_output_tokens: nullable(int),
    },
    ["id", "object", "created_at", "status", "model", "output", "error", "incomplete_details"],
  ),
  ResponseItemList: object({
    object: { const: "list" },
    data: { type: "array", items: { type: "object", properties: { id: str, type: str }, required: ["id", "type"] } },
    first_id: nullable(str), last_id: nullable(str), has_more: { type: "boolean" },
  }),
  DeletedResponse: object({ id: str, object: { const: "response" }, deleted: { const: true } }),
};
