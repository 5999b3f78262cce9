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

const contextSize = z.enum(["low", "medium", "high"]);
const domains = z.array(z.string().min(1)).max(100);

/** OpenRouter's web search server tool: the model searches when it decides to. */
const webSearchTool = z.looseObject({
  type: z.literal("openrouter:web_search"),
  parameters: z
    .looseObject({
      engine: z.string().nullish(),
      max_results: z.number().int().positive().nullish(),
      search_context_size: contextSize.nullish(),
      allowed_domains: domains.nullish(),
      excluded_domains: domains.nullish(),
    })
    .nullish(),
});

const webSearchOptions = z.looseObject({
  search_context_size: contextSize.nullish(),
  user_location: z
    .looseObject({
      type: z.literal("approximate"),
      approximate: z.looseObject({ city: z.string().optional(), country: z.string().optional(), region: z.string().optional(), timezone: z.string().optional() }),
    })
    .nullish(),
});

const plugin = z.looseObject({
  id: z.string().min(1),
  max_results: z.number().int().positive().nullish(),
  search_prompt: z.string().nullish(),
  engine: z.string().nullish(),
});

const providerNames = z.array(z.string().min(1).max(100)).max(50);
const sortBy = z.enum(["price", "throughput", "latency"]);
const price = z.number().nonnegative();

/** OpenRouter's provider preferences; what we do not read is kept for an OpenRouter credential. */
const providerPreferences = z.looseObject({
  order: providerNames.nullish(),
  only: providerNames.nullish(),
  ignore: providerNames.nullish(),
  allow_fallbacks: z.boolean().nullish(),
  require_parameters: z.boolean().nullish(),
  sort: z.union([sortBy, z.looseObject({ by: sortBy.nullish(), partition: z.string().nullish() })]).nullish(),
  max_price: z.looseObject({ prompt: price.optional(), completion: price.optional(), request: price.optional(), image: price.optional() }).nullish(),
  data_collection: z.enum(["allow", "deny"]).nullish(),
  zdr: z.boolean().nullish(),
  quantizations: z.array(z.string()).nullish(),
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
  tools: z.array(z.discriminatedUnion("type", [functionTool, webSearchTool])).max(128).nullish(),
  tool_choice: toolChoice.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: responseFormat.nullish(),
  user: z.string().max(256).nullish(),
  reasoning_effort: effort.nullish(),
  reasoning: z
    .looseObject({ effort: effort.optional(), max_tokens: z.number().int().positive().optional(), exclude: z.boolean().optional(), enabled: z.boolean().optional() })
    .nullish(),
  web_search_options: webSearchOptions.nullish(),
  plugins: z.array(plugin).max(16).nullish(),
  provider: providerPreferences.nullish(),
  transforms: z.array(z.enum(["middle-out"], "must be 'middle-out', the one transform there is")).max(4).nullish(),
  preset: z.string().min(1).max(256).nullish(),
}).refine((body) => body.model || body.models?.length, { message: "is required", path: ["model"] });

export type ChatRequestInput = z.infer<typeof chatRequestSchema>;
