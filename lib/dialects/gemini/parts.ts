import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { ReasoningDetail, ResponseMessage, ToolCall } from "@/lib/providers/types";
import { tagSignature } from "./foreign-signature";

export interface GeminiPart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  functionCall?: { id?: string; name: string; args: Record<string, unknown> };
}

type Message = Pick<ResponseMessage, "content" | "reasoning" | "reasoning_details" | "tool_calls">;

function argsOf(call: ToolCall): Record<string, unknown> {
  const parsed = parseJsonOr(call.function.arguments || "{}", {});
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

export function functionCallPart(call: ToolCall): GeminiPart {
  return { functionCall: { ...(call.id ? { id: call.id } : {}), name: call.function.name, args: argsOf(call) } };
}

const signed = (details: ReasoningDetail[], own: boolean) =>
  details.find((d) => d.type === "reasoning.text" && d.signature && (d.format === "gemini") === own);

/**
 * A message as Gemini parts: the thought, text, then whole function calls. Gemini's own signature
 * goes where Gemini puts it (first function call, else last part); another family's rides on the thought.
 */
export function geminiParts(message: Message): GeminiPart[] {
  const details = message.reasoning_details ?? [];
  const foreign = signed(details, false);
  const parts: GeminiPart[] = [];
  if (message.reasoning || foreign) {
    const signature = foreign?.signature ? { thoughtSignature: tagSignature(foreign.signature, foreign.format) } : {};
    parts.push({ text: message.reasoning ?? "", thought: true, ...signature });
  }
  if (message.content) parts.push({ text: message.content });
  const calls = (message.tool_calls ?? []).map(functionCallPart);
  parts.push(...calls);
  const own = signed(details, true)?.signature;
  if (own && !parts.length) parts.push({ text: "" });
  const target = calls[0] ?? parts.at(-1);
  if (own && target && !target.thoughtSignature) target.thoughtSignature = own;
  return parts;
}
