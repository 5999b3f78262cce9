import { z } from "zod";
import { modelNameSchema } from "@/lib/providers/model-name";
import { messageContent, stringOrList, textBlock } from "./content-schema";

export type { InboundBlock, ResultItem } from "./content-schema";

/** A tool the caller runs, described by a JSON schema; the only kind another model can call. */
const customTool = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.looseObject({ type: z.literal("object") }),
  strict: z.boolean().optional(),
});

/** Custom tools are checked; Anthropic's own (`bash_20250124`, `web_search_…`) are kept for Anthropic. */
const tool = z.looseObject({ type: z.string().nullish(), name: z.string().min(1) }).superRefine((value, ctx) => {
  if (value.type && value.type !== "custom") return;
  for (const issue of customTool.safeParse(value).error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
});
export type CustomTool = z.infer<typeof customTool> & { type?: "custom" | null };

const parallel = { disable_parallel_tool_use: z.boolean().optional() };
const toolChoice = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("auto"), ...parallel }),
  z.looseObject({ type: z.literal("any"), ...parallel }),
  z.looseObject({ type: z.literal("tool"), name: z.string().min(1), ...parallel }),
  z.looseObject({ type: z.literal("none") }),
]);

const display = { display: z.enum(["summarized", "omitted"]).nullish() };
const thinking = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("enabled"), budget_tokens: z.number().int().positive(), ...display }),
  z.looseObject({ type: z.literal("adaptive"), ...display }),
  z.looseObject({ type: z.literal("between_tools") }),
  z.looseObject({ type: z.literal("disabled") }),
]);

const outputConfig = z.looseObject({
  effort: z.enum(["low", "medium", "high", "xhigh", "max"]).nullish(),
  format: z.looseObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) }).nullish(),
});

const message = z.looseObject({ role: z.enum(["user", "assistant", "system"]), content: messageContent });

const fields = {
  model: modelNameSchema,
  messages: z.array(message).min(1, "must contain at least one message"),
  max_tokens: z.number().int().positive().max(1_000_000, "is larger than any model can produce"),
  system: stringOrList(textBlock).optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  stream: z.boolean().optional(),
  tools: z.array(tool).optional(),
  tool_choice: toolChoice.optional(),
  thinking: thinking.optional(),
  output_config: outputConfig.optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
};

/** POST /v1/messages as users send it: what we read is checked, everything else is kept as sent. */
export const messagesRequestSchema = z.looseObject(fields);

/** POST /v1/messages/count_tokens: the same body without max_tokens. */
export const countTokensRequestSchema = z.looseObject({ ...fields, max_tokens: fields.max_tokens.optional() });

export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
export type CountTokensRequest = z.infer<typeof countTokensRequestSchema>;
export type AnthropicMessageParam = MessagesRequest["messages"][number];
