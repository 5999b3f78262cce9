import { GatewayError } from "@/lib/errors/gateway-error";
import { assistantMessage } from "@/lib/providers/shared/chat-response";
import type { ChatResponse, UpstreamContext } from "@/lib/providers/types";
import { readCandidateParts } from "./candidate-parts";
import { mapGeminiFinishReason } from "./finish-reason";
import { groundingCitations } from "./grounding";
import { convertGeminiUsage } from "./usage";
import { generateResponseSchema, type GeminiWireCandidate } from "./wire-schema";

function choiceOf(candidate: GeminiWireCandidate, position: number, ctx: UpstreamContext): ChatResponse["choices"][number] {
  const read = readCandidateParts(candidate.content?.parts ?? [], ctx.id);
  const annotations = groundingCitations(candidate.groundingMetadata, read.text);
  return {
    index: candidate.index ?? position,
    message: { ...assistantMessage(read), ...(annotations.length ? { annotations } : {}) },
    finish_reason: mapGeminiFinishReason(candidate.finishReason, read.toolCalls.length > 0),
    native_finish_reason: candidate.finishReason ?? null,
  };
}

/** A GenerateContentResponse as our completion; a prompt blocked before any candidate is a content_filter finish. */
export function parseGeminiChatResponse(body: unknown, ctx: UpstreamContext): ChatResponse {
  const parsed = generateResponseSchema.safeParse(body);
  if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} returned an unexpected response`, { metadata: { provider: ctx.provider } });
  const raw = parsed.data;
  const candidates = raw.candidates ?? [];
  const blocked = raw.promptFeedback?.blockReason;
  const choices = candidates.length
    ? candidates.map((candidate, position) => choiceOf(candidate, position, ctx))
    : [{ index: 0, message: assistantMessage({ text: "", toolCalls: [] }), finish_reason: blocked ? ("content_filter" as const) : ("stop" as const), native_finish_reason: blocked ?? null }];
  return {
    id: ctx.id,
    object: "chat.completion",
    created: ctx.created,
    model: raw.modelVersion ?? ctx.model,
    provider: ctx.provider,
    choices,
    usage: convertGeminiUsage(raw.usageMetadata),
  };
}
