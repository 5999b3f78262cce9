import { decideReply, type Reply } from "../conversation";
import type { GroundingMetadata } from "@google/genai";
import type { Body } from "../types";
import { geminiGrounding, geminiWantsSearch, searchedAnswer } from "../web-search";

/** A fixed, realistic-looking thought signature; the gateway must hand it back on the next turn. */
export const THOUGHT_SIGNATURE = "CiQB0e2Kb1fakeThoughtSignature==";

const partsText = (parts: Body[] = []) => parts.map((p) => (p.thought ? "" : (p.text ?? ""))).join("");

function resultText(response: Body | undefined): string {
  const value = response?.result ?? response?.output ?? response?.content ?? response;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function forcedTool(config: Body | undefined): string | undefined {
  if (config?.mode !== "ANY") return undefined;
  return config.allowedFunctionNames?.[0] ?? "any";
}

/** Thinking is on when a budget, a level or includeThoughts is set; thought text only with includeThoughts. */
export function thinkingOf(body: Body): { on: boolean; showThoughts: boolean } {
  const config = body.generationConfig?.thinkingConfig;
  const on = Boolean(config && (config.includeThoughts || config.thinkingLevel || (config.thinkingBudget ?? 0) !== 0));
  return { on, showThoughts: Boolean(config?.includeThoughts) };
}

export const promptChars = (body: Body) => JSON.stringify(body.contents ?? []).length + JSON.stringify(body.systemInstruction ?? "").length;

/** The reply, and Google Search grounding when the google_search tool is on and no function is called. */
export function groundedReplyFor(body: Body): { reply: Reply; grounding?: GroundingMetadata } {
  const reply = replyFor(body);
  if (!geminiWantsSearch(body) || reply.toolCalls.length) return { reply };
  const { text } = searchedAnswer(reply.text);
  return { reply: { ...reply, text, completionTokens: text.split(" ").length }, grounding: geminiGrounding(reply.text) };
}

/** Reads a generateContent request into the shared deterministic reply. */
export function replyFor(body: Body): Reply {
  const contents: Body[] = Array.isArray(body.contents) ? body.contents : [];
  const lastParts: Body[] = contents.at(-1)?.parts ?? [];
  const results = lastParts.filter((p) => p.functionResponse).map((p) => resultText(p.functionResponse.response));
  const lastUser = [...contents].reverse().find((c) => c.role !== "model" && (c.parts ?? []).some((p: Body) => typeof p.text === "string"));
  const mode = body.toolConfig?.functionCallingConfig;
  return decideReply({
    lastUserText: partsText(lastUser?.parts),
    toolNames: (body.tools ?? []).flatMap((t: Body) => (t.functionDeclarations ?? []).map((d: Body) => d.name)),
    forcedTool: forcedTool(mode),
    toolsDisabled: mode?.mode === "NONE",
    toolResult: results.length ? [...new Set(results)].join("; ") : null,
    wantsThinking: thinkingOf(body).on,
    maxTokens: body.generationConfig?.maxOutputTokens,
    promptChars: promptChars(body),
  });
}

/** Thought text (when asked), the answer, function calls; the signature on the first call, else the last text. */
export function partsFor(reply: Reply, showThoughts: boolean): Body[] {
  const parts: Body[] = [];
  if (reply.thinking && showThoughts) parts.push({ text: reply.thinking, thought: true });
  if (reply.text) parts.push({ text: reply.text });
  reply.toolCalls.forEach((call) => parts.push({ functionCall: { name: call.name, args: call.arguments } }));
  const signed = parts.find((p) => p.functionCall) ?? parts.filter((p) => !p.thought).at(-1);
  if (reply.thinking && signed) signed.thoughtSignature = THOUGHT_SIGNATURE;
  return parts;
}

export const finishReason = (reply: Reply) => (reply.truncated ? "MAX_TOKENS" : "STOP");

export function usageOf(reply: Reply, candidates = reply.completionTokens) {
  const thoughts = reply.thinking ? reply.thinkingTokens : 0;
  return {
    promptTokenCount: reply.promptTokens,
    ...(candidates ? { candidatesTokenCount: candidates } : {}),
    totalTokenCount: reply.promptTokens + candidates + thoughts,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: reply.promptTokens }],
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
  };
}

export const modelOf = (path: string) => decodeURIComponent(path.match(/models\/([^/:]+):/)?.[1] ?? "gemini");
