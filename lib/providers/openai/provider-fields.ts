import type { ProviderQuirks } from "@/lib/providers/types";

type Body = Record<string, unknown>;

// OpenAI's reasoning models (o-series, GPT-5 but its chat variants) take only the default sampling;
// its chat models (GPT-4 family, GPT-3.5, chatgpt-*) refuse reasoning_effort. Both answer 400.
const REASONING_MODEL = /^(o\d|gpt-5)(?!.*-chat)/;
const CHAT_MODEL = /^(gpt-4|gpt-3\.5|chatgpt-)|^gpt-5.*-chat/;
const SAMPLING = ["temperature", "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "logit_bias"];
// The search models (gpt-4o-search-preview…) answer "Model incompatible request arguments" to these.
const SEARCH_MODEL = /-search-(preview|api)/;
const SEARCH_REFUSED = [...SAMPLING, "reasoning_effort", "tool_choice", "parallel_tool_calls"];

/** The request fields OpenAI itself refuses for this model. */
export function refusedByOpenAiModel(model: string): string[] {
  if (SEARCH_MODEL.test(model)) return SEARCH_REFUSED;
  return REASONING_MODEL.test(model) ? SAMPLING : CHAT_MODEL.test(model) ? ["reasoning_effort"] : [];
}

/** Drops what OpenAI refuses for this model, so the request does not fail. */
export function dropForOpenAiModel(body: Body, model: string): void {
  for (const field of refusedByOpenAiModel(model)) delete body[field];
}

/**
 * The provider's own spellings: renamed fields, a trailing assistant message marked as prefill,
 * and a json_schema carried as JSON mode plus an instruction where only JSON mode exists.
 */
export function applyProviderSpellings(body: Body, quirks: ProviderQuirks): void {
  for (const [from, to] of Object.entries(quirks.renamedFields ?? {})) {
    if (body[from] === undefined) continue;
    body[to] = body[from];
    delete body[from];
  }
  const messages = body.messages as Body[] | undefined;
  const last = messages?.at(-1);
  if (quirks.prefixPrefill && last?.role === "assistant" && !last.tool_calls) messages!.splice(-1, 1, { ...last, prefix: true });
  const format = body.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined;
  if (quirks.jsonObjectOnly && format?.type === "json_schema") {
    body.response_format = { type: "json_object" };
    const instruction = `Answer with one JSON object that follows this JSON schema: ${JSON.stringify(format.json_schema?.schema ?? { type: "object" })}`;
    body.messages = [{ role: "system", content: instruction }, ...(messages ?? [])];
  }
}
