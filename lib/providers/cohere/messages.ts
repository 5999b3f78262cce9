import { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatMessage, ContentPart } from "@/lib/providers/types";

type CohereMessage = Record<string, unknown>;
type CohereContent = string | Array<Record<string, unknown>>;

/** Text and images as Cohere's content items; Cohere's chat takes no file parts. */
function userContent(content: ChatMessage["content"]): CohereContent {
  if (typeof content === "string" || content === null || content === undefined) return content ?? "";
  return content.map((part: ContentPart) => {
    if (part.type === "text") return { type: "text", text: part.text };
    if (part.type === "image_url") return { type: "image_url", image_url: { url: part.image_url.url, ...(part.image_url.detail ? { detail: part.image_url.detail } : {}) } };
    throw new GatewayError(400, "invalid_request_error", "Cohere's chat takes text and images, not files", { param: "messages" });
  });
}

/** System, assistant and tool messages carry text only. */
function textContent(content: ChatMessage["content"]): CohereContent {
  if (typeof content === "string" || content === null || content === undefined) return content ?? "";
  return content.flatMap((part) => (part.type === "text" ? [{ type: "text", text: part.text }] : []));
}

const isEmpty = (content: CohereContent) => (typeof content === "string" ? !content : !content.length);

/** An assistant turn: its reasoning goes back as Cohere's tool plan when it called tools. */
function assistantMessage(message: ChatMessage): CohereMessage | null {
  const content = textContent(message.content);
  const calls = message.tool_calls ?? [];
  if (!calls.length) return isEmpty(content) ? null : { role: "assistant", content };
  return {
    role: "assistant",
    tool_calls: calls.map((call) => ({ id: call.id, type: "function", function: { name: call.function.name, arguments: call.function.arguments || "{}" } })),
    ...(message.reasoning ? { tool_plan: message.reasoning } : {}),
    ...(isEmpty(content) ? {} : { content }),
  };
}

/** Our messages as Cohere v2's, nearly one to one: developer becomes system, empty assistant turns drop. */
export function toCohereMessages(messages: ChatMessage[]): CohereMessage[] {
  return messages.flatMap((message): CohereMessage[] => {
    switch (message.role) {
      case "system":
      case "developer":
        return [{ role: "system", content: textContent(message.content) }];
      case "user":
        return [{ role: "user", content: userContent(message.content) }];
      case "tool":
        return [{ role: "tool", tool_call_id: message.tool_call_id ?? "", content: textContent(message.content) }];
      case "assistant": {
        const converted = assistantMessage(message);
        return converted ? [converted] : [];
      }
    }
  });
}
