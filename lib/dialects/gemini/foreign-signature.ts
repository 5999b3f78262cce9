import type { ReasoningDetail } from "@/lib/providers/types";

type Format = ReasoningDetail["format"];

/**
 * Another family's signature rides in `thoughtSignature` tagged with that family ("anthropic:…"),
 * so the next turn hands it back to the model that made it. Google's own are base64: never a ':'.
 */
export function tagSignature(value: string, format: Format): string {
  return format && format !== "gemini" ? `${format}:${value}` : value;
}

export function untagSignature(value: string): { value: string; format: Format } {
  const match = /^(anthropic|openai):(.*)$/s.exec(value);
  return match ? { value: match[2], format: match[1] as Format } : { value, format: "gemini" };
}
