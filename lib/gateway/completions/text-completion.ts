import type { ChatChunk, ChatResponse, FinishReason, SyncTransformer, Usage } from "@/lib/providers/types";
import { encodeSse } from "@/lib/sse/encode-sse";

export interface TextChoice {
  text: string;
  index: number;
  logprobs: null;
  finish_reason: FinishReason | null;
  native_finish_reason?: string | null;
}

/** OpenAI's legacy completion object (a chunk of a stream has the same `object`). */
export interface TextCompletion {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  provider?: string;
  choices: TextChoice[];
  usage?: Usage | null;
  system_fingerprint?: string | null;
  error?: ChatChunk["error"];
}

function addUsage(total: Usage, usage: Usage): Usage {
  return {
    prompt_tokens: total.prompt_tokens + usage.prompt_tokens,
    completion_tokens: total.completion_tokens + usage.completion_tokens,
    total_tokens: total.total_tokens + usage.total_tokens,
  };
}

/**
 * One chat answer per prompt as one completion: choice i of prompt p is index p·n + i (as OpenAI
 * numbers them), its text the assistant's content, after the prompt when `echo` is set.
 */
export function toTextCompletion(answers: ChatResponse[], prompts: string[], echo: boolean): TextCompletion {
  const [first] = answers;
  const perPrompt = first.choices.length;
  const choices = answers.flatMap((answer, p) =>
    answer.choices.map((choice, i) => ({
      text: (echo ? prompts[p] : "") + (choice.message.content ?? ""),
      index: p * perPrompt + i,
      logprobs: null,
      finish_reason: choice.finish_reason,
      native_finish_reason: choice.native_finish_reason ?? null,
    })),
  );
  const usage = answers.slice(1).reduce((total, answer) => addUsage(total, answer.usage), { ...first.usage });
  return { id: first.id, object: "text_completion", created: first.created, model: first.model, provider: first.provider, choices, usage, system_fingerprint: first.system_fingerprint ?? null };
}

/** A chat chunk as a completion chunk; null for one that carries nothing a completion shows (role, reasoning). */
export function toTextCompletionChunk(chunk: ChatChunk): TextCompletion | null {
  const choices = chunk.choices
    .filter((choice) => choice.delta.content || choice.finish_reason)
    .map((choice) => ({ text: choice.delta.content ?? "", index: choice.index, logprobs: null, finish_reason: choice.finish_reason, native_finish_reason: choice.native_finish_reason ?? null }));
  if (!choices.length && !chunk.usage && !chunk.error) return null;
  return {
    id: chunk.id, object: "text_completion", created: chunk.created, model: chunk.model, provider: chunk.provider, choices,
    ...(chunk.usage ? { usage: chunk.usage } : {}),
    ...(chunk.error ? { error: chunk.error } : {}),
  };
}

const DONE = encodeSse("[DONE]");

/** Our chunks as a completions stream: `text_completion` events, the prompt first with `echo`, `[DONE]` last. */
export function textCompletionSseEncoder(echoed: string | null): SyncTransformer<ChatChunk, Uint8Array> {
  let echo = echoed;
  return {
    transform(chunk, controller) {
      const completion = toTextCompletionChunk(chunk);
      if (echo) {
        controller.enqueue(encodeSse(JSON.stringify({ id: chunk.id, object: "text_completion", created: chunk.created, model: chunk.model, provider: chunk.provider, choices: [{ text: echo, index: 0, logprobs: null, finish_reason: null }] })));
        echo = null;
      }
      if (completion) controller.enqueue(encodeSse(JSON.stringify(completion)));
    },
    flush: (controller) => controller.enqueue(DONE),
  };
}
