import type { ChatMessage, ContentPart, TextPart } from "@/lib/providers/types";
import type { InboundBlock, ResultItem } from "./schema";

type SourceBlock = Extract<InboundBlock, { type: "image" | "document" }>;

function text(value: string, block?: { cache_control?: { type: "ephemeral"; ttl?: string } | null }): TextPart {
  return { type: "text", text: value, ...(block?.cache_control ? { cache_control: { ...block.cache_control } } : {}) };
}

function mediaPart(block: SourceBlock): ContentPart[] {
  const source = block.source;
  const title = block.type === "document" && block.title ? { filename: block.title } : {};
  if (source.type === "base64") {
    const url = `data:${source.media_type};base64,${source.data}`;
    return [block.type === "image" ? { type: "image_url", image_url: { url } } : { type: "file", file: { ...title, file_data: url } }];
  }
  if (source.type === "url") return [block.type === "image" ? { type: "image_url", image_url: { url: source.url } } : { type: "file", file: { ...title, file_data: source.url } }];
  if (source.type === "file") return [{ type: "file", file: { ...title, file_id: source.file_id } }];
  if (source.type === "text") return [text(source.data, block)];
  return typeof source.content === "string" ? [text(source.content, block)] : source.content.flatMap((b) => mediaOrText(b));
}

function mediaOrText(block: Extract<InboundBlock, { type: "text" | "image" }>): ContentPart[] {
  return block.type === "text" ? [text(block.text, block)] : mediaPart(block);
}

/** One block as our content parts; tool, thinking and unknown blocks have none. */
export function contentParts(block: InboundBlock | ResultItem): ContentPart[] {
  switch (block.type) {
    case "text":
      return [text(block.text, block)];
    case "image":
    case "document":
      return mediaPart(block);
    case "search_result":
      return [text(`${block.title}\n${block.source}\n\n${block.content.map((b) => b.text).join("\n")}`, block)];
    default:
      return [];
  }
}

/** A lone plain text part as a string (what every upstream takes); anything richer stays a list. */
export function simplified(parts: ContentPart[]): ChatMessage["content"] {
  const only = parts.length === 1 ? parts[0] : undefined;
  return only?.type === "text" && !only.cache_control ? only.text : parts;
}
