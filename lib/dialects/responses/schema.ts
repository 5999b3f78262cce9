import { z } from "zod";
import { modelNameSchema } from "@/lib/providers/model-name";

/** Zod issues of a nested check, re-raised at their paths under the current value. */
function forward(result: z.ZodSafeParseResult<unknown>, ctx: z.RefinementCtx) {
  for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
}

/**
 * An object checked by its `type`: listed types field by field, `passed` types kept as sent (for
 * OpenAI, which alone knows them), anything else refused at `.type` with the supported values.
 */
function byType(known: Record<string, z.ZodType>, passed: readonly string[] = []) {
  const supported = [...Object.keys(known), ...passed].map((t) => `'${t}'`).join(", ");
  return z.looseObject({ type: z.string() }).superRefine((value, ctx) => {
    const schema = known[value.type];
    if (schema) return forward(schema.safeParse(value), ctx);
    if (!passed.includes(value.type)) ctx.addIssue({ code: "custom", path: ["type"], message: `is '${value.type}'; supported values are ${supported}` });
  });
}

const inputText = z.looseObject({ type: z.literal("input_text"), text: z.string() });
const inputImage = z
  .looseObject({ type: z.literal("input_image"), image_url: z.string().min(1).nullish(), file_id: z.string().nullish(), detail: z.enum(["low", "high", "auto", "original"]).nullish() })
  .refine((part) => part.image_url || part.file_id, { message: "needs image_url or file_id" });
const inputFile = z
  .looseObject({ type: z.literal("input_file"), file_data: z.string().nullish(), file_url: z.string().nullish(), file_id: z.string().nullish(), filename: z.string().nullish() })
  .refine((part) => part.file_data || part.file_url || part.file_id, { message: "needs file_data, file_url or file_id" });
const outputText = z.looseObject({ type: z.literal("output_text"), text: z.string() });
const refusal = z.looseObject({ type: z.literal("refusal"), refusal: z.string() });

const INPUT_PARTS = { input_text: inputText, input_image: inputImage, input_file: inputFile };
const contentPart = byType({ ...INPUT_PARTS, output_text: outputText, refusal });

const message = z.looseObject({
  type: z.literal("message"),
  role: z.enum(["user", "assistant", "system", "developer"]),
  content: z.union([z.string(), z.array(contentPart)], { error: "must be a string or an array of content parts" }),
});
const functionCall = z.looseObject({ type: z.literal("function_call"), call_id: z.string().min(1), name: z.string().min(1), arguments: z.string() });
const functionCallOutput = z.looseObject({
  type: z.literal("function_call_output"),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(byType(INPUT_PARTS))], { error: "must be a string or an array of input parts" }),
});
const summaryText = z.looseObject({ type: z.string(), text: z.string() });
const reasoning = z.looseObject({
  type: z.literal("reasoning"),
  id: z.string().optional(),
  summary: z.array(summaryText),
  content: z.array(summaryText).nullish(),
  encrypted_content: z.string().nullish(),
});
const itemReference = z.looseObject({ type: z.literal("item_reference"), id: z.string().min(1) });
const webSearchCall = z.looseObject({ type: z.literal("web_search_call") });

/** Item types only OpenAI can act on: passed to an OpenAI model as sent, refused for any other. */
export const OPENAI_ONLY_ITEMS = [
  "file_search_call", "computer_call", "computer_call_output", "image_generation_call", "code_interpreter_call",
  "local_shell_call", "local_shell_call_output", "shell_call", "shell_call_output", "apply_patch_call", "apply_patch_call_output",
  "mcp_list_tools", "mcp_approval_request", "mcp_approval_response", "mcp_call", "custom_tool_call", "custom_tool_call_output",
  "tool_search_call", "tool_search_output", "additional_tools", "compaction", "compaction_trigger", "program", "program_output",
] as const;

/** A message without `type` is a message; a bare `{id}` is an item reference (both as OpenAI reads them). */
const implicitType = (value: unknown) => {
  if (!value || typeof value !== "object" || Array.isArray(value) || "type" in value) return value;
  return { ...value, type: "role" in value ? "message" : "item_reference" };
};

const typedItem = byType({ message, function_call: functionCall, function_call_output: functionCallOutput, reasoning, item_reference: itemReference, web_search_call: webSearchCall }, OPENAI_ONLY_ITEMS)
  .meta({ description: "An input item, by `type`: message (also without type, with role), function_call, function_call_output, reasoning, item_reference, web_search_call; OpenAI's other item types for OpenAI models." });
export const inputItem = z.preprocess(implicitType, typedItem);

const functionTool = z.looseObject({
  type: z.literal("function"),
  name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1-64 letters, digits, '_', '.' or '-'"),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});
/** Function tools are checked; OpenAI's built-in tools are kept as sent. */
const tool = z.looseObject({ type: z.string() }).superRefine((value, ctx) => {
  if (value.type === "function") forward(functionTool.safeParse(value), ctx);
});

const textFormat = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  z.looseObject({ type: z.literal("json_schema"), name: z.string().min(1), schema: z.record(z.string(), z.unknown()), description: z.string().nullish(), strict: z.boolean().nullish() }),
]);

const effort = z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]);

/** POST /v1/responses as users send it: what we read is checked, everything else is kept for OpenAI. */
export const responsesRequestSchema = z.looseObject({
  model: modelNameSchema,
  input: z.union([z.string(), z.array(inputItem)], { error: "must be a string or an array of input items" }).optional(),
  instructions: z.string().nullish(),
  previous_response_id: z.string().min(1).nullish().meta({ description: "Continue a stored response of your account: its conversation goes before this input." }),
  store: z.boolean().nullish().meta({ description: "Keep the response for 30 days (default true); false keeps nothing but the usage row." }),
  stream: z.boolean().nullish(),
  tools: z.array(tool).max(128).nullish(),
  tool_choice: z.union([z.enum(["none", "auto", "required"]), z.looseObject({ type: z.string() })]).nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  text: z.looseObject({ format: textFormat.nullish() }).nullish(),
  reasoning: z.looseObject({ effort: effort.nullish(), summary: z.string().nullish() }).nullish(),
  max_output_tokens: z.number().int().positive().max(1_000_000, "is larger than any model can produce").nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  metadata: z.record(z.string().max(64), z.string().max(512)).nullish(),
  user: z.string().max(256).nullish(),
  background: z.literal(false, { error: "background responses are not supported; leave background unset" }).nullish(),
  conversation: z.null({ error: "the Conversations API is not supported; use previous_response_id" }).optional(),
});

/** The same body as the OpenAPI document shows it (JSON Schema cannot express the implicit item types). */
export const responsesRequestDocumentSchema = responsesRequestSchema.extend({
  input: z.union([z.string(), z.array(typedItem)]).optional(),
});

export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
export type InputItem = z.infer<typeof message> | z.infer<typeof functionCall> | z.infer<typeof functionCallOutput> | z.infer<typeof reasoning> | z.infer<typeof itemReference> | (Record<string, unknown> & { type: string });
export type MessageItem = z.infer<typeof message>;
export type ContentPartInput = z.infer<typeof inputText> | z.infer<typeof inputImage> | z.infer<typeof inputFile> | z.infer<typeof outputText> | z.infer<typeof refusal>;
export type ReasoningInput = z.infer<typeof reasoning>;
