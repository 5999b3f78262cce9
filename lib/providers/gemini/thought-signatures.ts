import type { ChatMessage, ReasoningDetail } from "@/lib/providers/types";

/**
 * A Gemini thought signature in our reasoning_details. `id` (an extension of ReasoningDetail, kept
 * by clients that echo details back whole) names the tool call whose part carried it; no id means
 * it rode on a text or thought part.
 */
export type GeminiSignatureDetail = ReasoningDetail & { id?: string };

/** Google's documented value for function calls that never had a signature (history from another model). */
export const SKIP_SIGNATURE_VALIDATION = "skip_thought_signature_validator";

export function signatureDetail(signature: string, toolCallId?: string): GeminiSignatureDetail {
  return { type: "reasoning.encrypted", signature, format: "gemini", ...(toolCallId ? { id: toolCallId } : {}) };
}

export interface PlacedSignatures {
  /** One per tool call of the message, in order. */
  calls: Array<string | undefined>;
  /** For the message's last text part. */
  text?: string;
}

/** Gemini 1.x and 2.x accept unsigned calls; later models reject a function call turn without one. */
const enforcesSignatures = (model: string) => !/^(models\/)?gemini-(1|2)[.-]/i.test(model);

/**
 * Where each of an assistant message's Gemini signatures goes back: onto the call it came with,
 * else (details from a client or dialect that dropped ids) the first call, else the last text.
 */
export function placeSignatures(message: ChatMessage, model: string): PlacedSignatures {
  const details = (message.reasoning_details ?? []).filter((d): d is GeminiSignatureDetail => d.format === "gemini" && Boolean(d.signature));
  const calls = message.tool_calls ?? [];
  const byId = new Map(details.filter((d) => d.id).map((d) => [d.id!, d.signature!] as const));
  const placed: Array<string | undefined> = calls.map((call) => byId.get(call.id));
  const loose = details.filter((d) => !d.id || !calls.some((call) => call.id === d.id)).map((d) => d.signature!);
  if (calls.length && !placed.some(Boolean)) {
    placed[0] = loose.shift() ?? (enforcesSignatures(model) ? SKIP_SIGNATURE_VALIDATION : undefined);
  }
  return { calls: placed, text: loose.at(-1) };
}
