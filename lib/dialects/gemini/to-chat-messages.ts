import type { ChatMessage, ContentPart, ReasoningDetail, ToolCall } from "@/lib/providers/types";
import { untagSignature } from "./foreign-signature";
import type { GenerateRequest, InboundContent, InboundPart } from "./schema";

function media(mimeType: string | undefined, url: string): ContentPart {
  return !mimeType || mimeType.startsWith("image/") ? { type: "image_url", image_url: { url } } : { type: "file", file: { file_data: url } };
}

/** Text and media parts as ours; thoughts and function parts are read elsewhere. */
function contentParts(parts: InboundPart[]): ContentPart[] {
  return parts.flatMap((p): ContentPart[] => {
    if (p.thought || p.functionCall || p.functionResponse) return [];
    if (p.inlineData) return [media(p.inlineData.mimeType, `data:${p.inlineData.mimeType};base64,${p.inlineData.data}`)];
    if (p.fileData) return [media(p.fileData.mimeType, p.fileData.fileUri)];
    return p.text !== undefined ? [{ type: "text", text: p.text }] : [];
  });
}

const simplified = (parts: ContentPart[]) => (parts.length === 1 && parts[0].type === "text" ? parts[0].text : parts);

function reasoningDetails(parts: InboundPart[]): ReasoningDetail[] {
  return parts.flatMap((p): ReasoningDetail[] => {
    if (!p.thoughtSignature) return [];
    const { value, format } = untagSignature(p.thoughtSignature);
    return [{ type: "reasoning.text", ...(p.thought && p.text ? { text: p.text } : {}), signature: value, format }];
  });
}

/** Gemini calls may lack ids; each then gets one from its position, and its response claims it. */
function assistantMessage(parts: InboundPart[], turn: number, pending: ToolCall[]): ChatMessage {
  const calls = parts.flatMap((p, i): ToolCall[] =>
    p.functionCall ? [{ id: p.functionCall.id ?? `call_${turn}_${i}`, type: "function", function: { name: p.functionCall.name, arguments: JSON.stringify(p.functionCall.args ?? {}) } }] : [],
  );
  pending.push(...calls);
  const text = contentParts(parts).flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  const reasoning = parts.filter((p) => p.thought).map((p) => p.text ?? "").join("");
  const details = reasoningDetails(parts);
  return {
    role: "assistant",
    content: text || (calls.length ? null : ""),
    ...(calls.length ? { tool_calls: calls } : {}),
    ...(reasoning ? { reasoning } : {}),
    ...(details.length ? { reasoning_details: details } : {}),
  };
}

/** A function response answers the pending call with its id, else the oldest one of its name. */
function claim(response: NonNullable<InboundPart["functionResponse"]>, pending: ToolCall[]): string {
  const byId = response.id ? pending.findIndex((c) => c.id === response.id) : -1;
  const index = byId >= 0 ? byId : pending.findIndex((c) => c.function.name === response.name);
  return index >= 0 ? pending.splice(index, 1)[0].id : (response.id ?? response.name);
}

function userMessages(parts: InboundPart[], pending: ToolCall[]): ChatMessage[] {
  const results = parts.flatMap((p): ChatMessage[] =>
    p.functionResponse ? [{ role: "tool", tool_call_id: claim(p.functionResponse, pending), content: JSON.stringify(p.functionResponse.response ?? {}) }] : [],
  );
  const rest = contentParts(parts);
  return [...results, ...(rest.length ? [{ role: "user" as const, content: simplified(rest) }] : [])];
}

/** systemInstruction and contents (roles user and model) as our messages. */
export function toChatMessages(contents: InboundContent[], system?: GenerateRequest["systemInstruction"]): ChatMessage[] {
  const pending: ToolCall[] = [];
  const systemParts = system ? contentParts(system.parts) : [];
  return [
    ...(systemParts.length ? [{ role: "system" as const, content: simplified(systemParts) }] : []),
    ...contents.flatMap((c, turn) => (c.role === "model" ? [assistantMessage(c.parts, turn, pending)] : userMessages(c.parts, pending))),
  ];
}
