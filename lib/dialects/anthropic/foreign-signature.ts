import type { ReasoningDetail } from "@/lib/providers/types";

type Format = ReasoningDetail["format"];

/**
 * Another family's signature rides in a thinking block tagged with that family ("gemini:…"), so the
 * next turn hands it back to the model that made it. Anthropic's own are base64: never a ':'.
 */
export function tagSignature(value: string, format: Format): string {
  return format && format !== "anthropic" ? `${format}:${value}` : value;
}

export function untagSignature(value: string): { value: string; format: Format } {
  const match = /^(gemini|openai):(.*)$/s.exec(value);
  return match ? { value: match[2], format: match[1] as Format } : { value, format: "anthropic" };
}
