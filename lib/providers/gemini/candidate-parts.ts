import type { ReasoningDetail, ToolCall } from "@/lib/providers/types";
import { signatureDetail } from "./thought-signatures";
import type { GeminiWirePart } from "./wire-schema";

export interface CandidateParts {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  details: ReasoningDetail[];
}

/** Gemini's function calls usually carry no id; ours are stable per generation and call position. */
export const geminiToolCallId = (generationId: string, index: number) => `call_${generationId.replace(/^gen-/, "")}_${index}`;

/**
 * Sorts a candidate's parts into text, thought summaries, whole function calls and thought
 * signatures (each tagged with the call it rode on). `firstToolIndex` continues numbering in a stream.
 */
export function readCandidateParts(parts: GeminiWirePart[], generationId: string, firstToolIndex = 0): CandidateParts {
  const out: CandidateParts = { text: "", reasoning: "", toolCalls: [], details: [] };
  for (const part of parts) {
    let callId: string | undefined;
    if (part.functionCall) {
      callId = part.functionCall.id || geminiToolCallId(generationId, firstToolIndex + out.toolCalls.length);
      out.toolCalls.push({ id: callId, type: "function", function: { name: part.functionCall.name, arguments: JSON.stringify(part.functionCall.args ?? {}) } });
    } else if (part.thought) {
      out.reasoning += part.text ?? "";
    } else {
      out.text += part.text ?? "";
    }
    if (part.thoughtSignature) out.details.push(signatureDetail(part.thoughtSignature, callId));
  }
  return out;
}
