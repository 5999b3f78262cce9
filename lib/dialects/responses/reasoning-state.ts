import type { ReasoningDetail } from "@/lib/providers/types";

/**
 * A translated model's reasoning (thinking text with Anthropic's signatures, Gemini's thought
 * signatures) rides in the reasoning item's `encrypted_content`, opaque to clients, so a client
 * that sends the item back (or previous_response_id) hands the model exactly what it needs.
 * The prefix tells ours from OpenAI's own encrypted reasoning, which only OpenAI can read.
 */
const PREFIX = "oauthrouter.v1.";

export function encodeReasoning(details: ReasoningDetail[]): string | null {
  return details.length ? PREFIX + Buffer.from(JSON.stringify(details)).toString("base64url") : null;
}

export const isOurReasoning = (encrypted: unknown): boolean => typeof encrypted === "string" && encrypted.startsWith(PREFIX);

/** Our details back; null when the value is not ours. A damaged value gives none rather than failing the turn. */
export function decodeReasoning(encrypted: string): ReasoningDetail[] | null {
  if (!isOurReasoning(encrypted)) return null;
  try {
    const details: unknown = JSON.parse(Buffer.from(encrypted.slice(PREFIX.length), "base64url").toString("utf8"));
    return Array.isArray(details) ? details.filter((d): d is ReasoningDetail => typeof d?.type === "string" && d.type.startsWith("reasoning.")) : [];
  } catch {
    return [];
  }
}

/**
 * Streamed fragments as whole details: text pieces of one format join until a signature closes
 * them; encrypted pieces and signed Gemini parts stay as they came.
 */
export function mergeReasoning(fragments: ReasoningDetail[]): ReasoningDetail[] {
  const merged: ReasoningDetail[] = [];
  let open: ReasoningDetail | null = null;
  for (const fragment of fragments) {
    if (fragment.type !== "reasoning.text") {
      merged.push({ ...fragment });
      open = null;
      continue;
    }
    if (!open || open.signature || open.format !== fragment.format) merged.push((open = { type: "reasoning.text", text: "", format: fragment.format }));
    open.text = (open.text ?? "") + (fragment.text ?? "");
    if (fragment.signature) open.signature = fragment.signature;
  }
  return merged;
}
