import type { ChatMessage, ContentPart } from "@/lib/providers/types";
import type { ContentPartInput } from "./schema";

const DETAIL = { low: "low", high: "high", auto: "auto", original: "high" } as const;

/**
 * One Responses content part as ours. Files and images by OpenAI file id mean nothing to another
 * provider: they are named in `openAiOnly` and the request can then go to OpenAI only.
 */
function part(input: ContentPartInput, openAiOnly: string[]): ContentPart[] {
  switch (input.type) {
    case "input_text":
      return [{ type: "text", text: input.text }];
    case "output_text":
      return [{ type: "text", text: input.text }];
    case "refusal":
      return [{ type: "text", text: input.refusal }];
    case "input_image":
      if (!input.image_url) return void openAiOnly.push("input_image with file_id"), [];
      return [{ type: "image_url", image_url: { url: input.image_url, ...(input.detail ? { detail: DETAIL[input.detail] } : {}) } }];
    case "input_file": {
      const filename = input.filename ? { filename: input.filename } : {};
      if (input.file_data) return [{ type: "file", file: { ...filename, file_data: input.file_data } }];
      if (input.file_url) return [{ type: "file", file: { ...filename, file_data: input.file_url } }];
      return void openAiOnly.push("input_file with file_id"), [];
    }
  }
}

/** A message's or a tool output's content as ours: a lone text as a string, anything richer as parts. */
export function chatContent(content: string | ContentPartInput[], openAiOnly: string[]): ChatMessage["content"] {
  if (typeof content === "string") return content;
  const parts = content.flatMap((p) => part(p, openAiOnly));
  return parts.length === 1 && parts[0].type === "text" ? parts[0].text : parts;
}

/** An assistant message's text: output_text (or refusal) parts joined. */
export function assistantText(content: string | ContentPartInput[]): string {
  if (typeof content === "string") return content;
  return content.map((p) => (p.type === "output_text" || p.type === "input_text" ? p.text : p.type === "refusal" ? p.refusal : "")).join("");
}
