import { z } from "zod";

/** Zod issues of a nested check, re-raised at the same paths under the current value. */
function forward(result: z.ZodSafeParseResult<unknown>, ctx: z.RefinementCtx) {
  for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
}

/** How the OpenAPI document shows a content block: checked by type, see Anthropic's Messages API. */
const BLOCK_JSON_SCHEMA = { type: "object", properties: { type: { type: "string" } }, required: ["type"] };

/**
 * A string or a list of items. Unlike z.union, a bad item is reported at its own path
 * (`messages.0.content.1.text`), not as "Invalid input" on the whole field.
 */
export function stringOrList<T>(item: z.ZodType<T>) {
  const list = z.array(item);
  return z.unknown().superRefine((value, ctx) => {
    if (typeof value === "string") return;
    if (!Array.isArray(value)) return void ctx.addIssue({ code: "custom", message: "must be a string or an array of content blocks" });
    forward(list.safeParse(value), ctx);
  }).meta({ description: "A string, or an array of content blocks", anyOf: [{ type: "string" }, { type: "array", items: BLOCK_JSON_SCHEMA }] }) as unknown as z.ZodType<string | T[]>;
}

/**
 * Blocks of the listed types are checked field by field; other types (server-tool results, newer
 * features) are kept as sent for a same-dialect upstream, and the converters skip them.
 */
function tolerant<T extends { type: string }>(known: z.ZodType<T>, types: readonly string[]) {
  return z.looseObject({ type: z.string() }).superRefine((block, ctx) => {
    if (types.includes(block.type)) forward(known.safeParse(block), ctx);
  }) as unknown as z.ZodType<T>;
}

const cacheControl = z.looseObject({ type: z.literal("ephemeral"), ttl: z.enum(["5m", "1h"]).optional() }).nullish();
const httpUrl = z.string().regex(/^https?:\/\//i, "must be an http(s) URL");
const base64 = z.looseObject({ type: z.literal("base64"), media_type: z.string().min(1), data: z.string().min(1) });
const url = z.looseObject({ type: z.literal("url"), url: httpUrl });
const file = z.looseObject({ type: z.literal("file"), file_id: z.string().min(1) });

export const textBlock = z.looseObject({ type: z.literal("text"), text: z.string(), cache_control: cacheControl });
const imageBlock = z.looseObject({ type: z.literal("image"), source: z.discriminatedUnion("type", [base64, url, file]), cache_control: cacheControl });
const documentSource = z.discriminatedUnion("type", [
  base64,
  url,
  file,
  z.looseObject({ type: z.literal("text"), media_type: z.string().optional(), data: z.string() }),
  z.looseObject({ type: z.literal("content"), content: stringOrList(z.discriminatedUnion("type", [textBlock, imageBlock])) }),
]);
const documentBlock = z.looseObject({ type: z.literal("document"), source: documentSource, title: z.string().nullish(), cache_control: cacheControl });
const searchResultBlock = z.looseObject({ type: z.literal("search_result"), source: z.string(), title: z.string(), content: z.array(textBlock), cache_control: cacheControl });

const RESULT_TYPES = ["text", "image", "document", "search_result"] as const;
const resultItem = z.discriminatedUnion("type", [textBlock, imageBlock, documentBlock, searchResultBlock]);
export type ResultItem = z.infer<typeof resultItem>;

const toolResultBlock = z.looseObject({
  type: z.literal("tool_result"),
  tool_use_id: z.string().min(1),
  content: stringOrList(tolerant(resultItem, RESULT_TYPES)).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
});
const toolUseBlock = z.looseObject({ type: z.literal("tool_use"), id: z.string().min(1), name: z.string().min(1), input: z.record(z.string(), z.unknown()) });
const thinkingBlock = z.looseObject({ type: z.literal("thinking"), thinking: z.string(), signature: z.string() });
const redactedThinkingBlock = z.looseObject({ type: z.literal("redacted_thinking"), data: z.string() });

const BLOCK_TYPES = [...RESULT_TYPES, "tool_use", "tool_result", "thinking", "redacted_thinking"] as const;
const knownBlock = z.discriminatedUnion("type", [
  textBlock, imageBlock, documentBlock, searchResultBlock, toolUseBlock, toolResultBlock, thinkingBlock, redactedThinkingBlock,
]);
export type InboundBlock = z.infer<typeof knownBlock>;

/** A message's content: a string or blocks. */
export const messageContent = stringOrList(tolerant(knownBlock, BLOCK_TYPES));
