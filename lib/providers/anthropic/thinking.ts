import type { ChatRequest, ReasoningEffort } from "@/lib/providers/types";

export const DEFAULT_MAX_TOKENS = 8192;
/** Anthropic's smallest thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

const EFFORT_BUDGETS: Record<ReasoningEffort, number> = { minimal: 1024, low: 4096, medium: 8192, high: 16384 };

export interface TokenPlan {
  maxTokens: number;
  /** Set when extended thinking is on. */
  budget?: number;
}

function requestedBudget(request: ChatRequest): number | undefined {
  const reasoning = request.reasoning;
  if (reasoning?.enabled === false) return undefined;
  if (reasoning?.max_tokens) return Math.max(MIN_THINKING_BUDGET, Math.floor(reasoning.max_tokens));
  const effort = reasoning?.effort ?? request.reasoning_effort;
  if (effort) return EFFORT_BUDGETS[effort];
  return reasoning?.enabled ? EFFORT_BUDGETS.medium : undefined;
}

/**
 * `max_tokens` (Anthropic requires one) and the thinking budget, which must stay below it.
 * A client limit above the budget is kept, thinking included, as OpenAI counts reasoning in
 * max_completion_tokens; one at or below the budget is added on top so the answer keeps its room.
 */
export function planTokens(request: ChatRequest, thinkingAllowed: boolean): TokenPlan {
  const limit = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const budget = thinkingAllowed ? requestedBudget(request) : undefined;
  if (!budget) return { maxTokens: limit ?? DEFAULT_MAX_TOKENS };
  if (limit && limit > budget) return { maxTokens: limit, budget };
  return { maxTokens: budget + (limit ?? DEFAULT_MAX_TOKENS), budget };
}
