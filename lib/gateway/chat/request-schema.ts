import { z } from "zod";
import { modelNameSchema } from "@/lib/providers/model-name";

/** What users send to /v1/chat/completions: strict on what we use, unknown fields kept. */
const textPart = z.looseObject({ type: z.literal("text"), text: z.string() });
const imagePart = z.looseObject({
  type: z.literal("image_url"),
  image_url: z.looseObject({ url: z.string().min(1, "must not be empty"), detail: z.enum(["auto", "low", "high"]).optional() }),
});
const filePart = z.looseObject({ type: z.literal("file"), file: z.looseObject({}) });
const audioPart = z.looseObject({ type: z.literal("input_audio"), input_audio: z.looseObject({}) });
const contentPart = z.discriminatedUnion("type", [textPart, imagePart, filePart, audioPart]);

const content = z.union([z.string(), z.array(contentPart)]);

const toolCall = z.looseObject({
  id: z.string().min(1),
  type: z.literal("function").default("function"),
  function: z.looseObject({ name: z.string().min(1), arguments: z.string().default("") }),
});

const message = z.discriminatedUnion("role", [
  z.looseObject({ role: z.literal("system"), content, name: z.string().optional() }),
  z.looseObject({ role: z.literal("developer"), content, name: z.string().optional() }),
  z.looseObject({ role: z.literal("user"), content, name: z.string().optional() }),
  z.looseObject({
    role: z.literal("assistant"),
    content: content.nullish(),
    tool_calls: z.array(toolCall).optional(),
    reasoning: z.string().nullish(),
    reasoning_details: z.array(z.looseObject({})).optional(),
    name: z.string().optional(),
  }),
  z.looseObject({ role: z.literal("tool"), content, tool_call_id: z.string().min(1, "must name the tool call it answers") }),
]);

const functionTool = z.looseObject({
  type: z.literal("function"),
  function: z.looseObject({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1-64 letters, digits, '_', '.' or '-'"),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string() }) }),
]);

const responseFormat = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  z.looseObject({
    type: z.literal("json_schema"),
    json_schema: z.looseObject({ name: z.string(), schema: z.record(z.string(), z.unknown()).optional(), strict: z.boolean().nullish() }),
  }),
]);

const effort = z.enum(["minimal", "low", "medium", "high"]);
const maxTokens = z.number().int().positive().max(1_000_000, "is larger than any model can produce");

export const chatRequestSchema = z.looseObject({
  model: modelNameSchema.optional(),
  models: z.array(modelNameSchema).max(10).optional(),
  messages: z.array(message).min(1, "must contain at least one message"),
  max_tokens: maxTokens.nullish(),
  max_completion_tokens: maxTokens.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.number().int().min(0).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  repetition_penalty: z.number().min(0).max(2).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(16)]).nullish(),
  seed: z.number().int().nullish(),
  n: z.number().int().min(1).max(8).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  tools: z.array(functionTool).max(128).nullish(),
  tool_choice: toolChoice.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: responseFormat.nullish(),
  user: z.string().max(256).nullish(),
  reasoning_effort: effort.nullish(),
  reasoning: z
    .looseObject({ effort: effort.optional(), max_tokens: z.number().int().positive().optional(), exclude: z.boolean().optional(), enabled: z.boolean().optional() })
    .nullish(),
}).refine((body) => body.model || body.models?.length, { message: "is required", path: ["model"] });

export type ChatRequestInput = z.infer<typeof chatRequestSchema>;
