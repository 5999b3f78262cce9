import type { ChatResponse } from "@/lib/providers/types";
import { toGeminiFinishReason } from "./finish-reason";
import { geminiParts, type GeminiPart } from "./parts";
import { geminiUsageMetadata, type GeminiUsageMetadata } from "./usage";

export interface GeminiCandidate {
  content: { role: "model"; parts: GeminiPart[] };
  finishReason?: string;
  index: number;
}

export interface GeminiResponse {
  candidates: GeminiCandidate[];
  usageMetadata?: GeminiUsageMetadata;
  modelVersion: string;
  responseId: string;
}

/** Our completion as a GenerateContentResponse, one candidate per choice. */
export function chatResponseToGemini(response: ChatResponse): GeminiResponse {
  return {
    candidates: response.choices.map((choice) => {
      const parts = geminiParts({ ...choice.message, content: choice.message.content || choice.message.refusal || null });
      return {
        // Google sends an empty text part rather than no parts when the model said nothing.
        content: { role: "model", parts: parts.length ? parts : [{ text: "" }] },
        finishReason: toGeminiFinishReason(choice.finish_reason, choice.native_finish_reason),
        index: choice.index,
      };
    }),
    usageMetadata: geminiUsageMetadata(response.usage),
    modelVersion: response.model,
    responseId: response.id,
  };
}
