import { GatewayError } from "@/lib/errors/gateway-error";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { ChatChunk, ChatResponse, ChunkDelta, FinishReason, ProviderAdapter, UpstreamContext, Usage } from "@/lib/providers/types";
import { usageFromResponses } from "./usage";

type Wire = Record<string, any>;

/** What reading OpenAI's own answer aside keeps: the last response snapshot and sequence number seen. */
export interface NativeAnswer {
  /** response.created's (then the final) response object. */
  latest: Wire | null;
  /** The completed or incomplete response, to store. */
  final: Wire | null;
  /** The stream's response.completed (or .incomplete) event, as read. */
  finalEvent: Wire | null;
  /** The final usage as handed to the usage tally, which adds its cost in place. */
  usage: Usage | null;
  lastSequence: number;
}

export const emptyNativeAnswer = (): NativeAnswer => ({ latest: null, final: null, finalEvent: null, usage: null, lastSequence: -1 });

const malformed = (ctx: UpstreamContext, raw: string) =>
  new GatewayError(502, "api_error", `${ctx.provider} sent a malformed Responses event`, { metadata: { provider: ctx.provider, raw: raw.slice(0, 200) } });

function finishOf(response: Wire): FinishReason {
  const reason = response.incomplete_details?.reason;
  if (response.status === "incomplete") return reason === "content_filter" ? "content_filter" : "length";
  return (response.output ?? []).some((item: Wire) => item.type === "function_call") ? "tool_calls" : "stop";
}

function chunkOf(ctx: UpstreamContext, delta: ChunkDelta, extra: Partial<ChatChunk> = {}, finish: FinishReason | null = null): ChatChunk {
  return { id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: ctx.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra };
}

/** One event of OpenAI's Responses stream as the chunk the usage tally reads (text, reasoning, calls, usage, failure). */
function observe(ctx: UpstreamContext, event: Wire, answer: NativeAnswer): ChatChunk | null {
  const response = event.response as Wire | undefined;
  if (response) answer.latest = response;
  switch (event.type) {
    case "response.output_text.delta":
      return chunkOf(ctx, { content: String(event.delta ?? "") });
    case "response.reasoning_summary_text.delta":
    case "response.reasoning_text.delta":
      return chunkOf(ctx, { reasoning: String(event.delta ?? "") });
    case "response.function_call_arguments.delta":
      return chunkOf(ctx, { tool_calls: [{ index: Number(event.output_index ?? 0), function: { arguments: String(event.delta ?? "") } }] });
    case "response.completed":
    case "response.incomplete":
      answer.final = response ?? null;
      answer.finalEvent = event;
      answer.usage = usageFromResponses(response?.usage);
      return chunkOf(ctx, {}, { model: response?.model ?? ctx.model, usage: answer.usage }, finishOf(response ?? {}));
    case "response.failed":
    case "error": {
      const error = response?.error ?? event;
      return chunkOf(ctx, {}, { error: { message: String(error.message ?? "The upstream response failed"), code: error.code ?? undefined, type: "api_error", metadata: { provider: ctx.provider } } }, "error");
    }
    default:
      return null;
  }
}

/**
 * OpenAI's Responses answer, passed through to the client unchanged, read aside: usage and finish
 * reason for the usage row, and the final response to store. (The chat adapter cannot read it.)
 */
export function nativeAnswerReader(answer: NativeAnswer): Pick<ProviderAdapter, "parseChatResponse" | "createStreamTransformer"> {
  return {
    parseChatResponse(body: unknown, ctx: UpstreamContext): ChatResponse {
      const response = body as Wire;
      if (!response || typeof response !== "object" || !Array.isArray(response.output)) throw malformed(ctx, JSON.stringify(body ?? null));
      answer.final = response;
      const text = response.output.filter((i: Wire) => i.type === "message").flatMap((i: Wire) => i.content ?? []).map((p: Wire) => p.text ?? "").join("");
      const usage = usageFromResponses(response.usage) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
      answer.usage = usage;
      return {
        id: ctx.id, object: "chat.completion", created: ctx.created, model: response.model ?? ctx.model, provider: ctx.provider,
        choices: [{ index: 0, message: { role: "assistant", content: text || null }, finish_reason: finishOf(response), native_finish_reason: response.status ?? null }],
        usage,
      };
    },
    createStreamTransformer(ctx) {
      return {
        transform(event, controller) {
          const data = event.data.trim();
          if (!data || data === "[DONE]") return;
          const parsed = parseJsonOr(data, undefined) as Wire | undefined;
          if (!parsed || typeof parsed !== "object") throw malformed(ctx, data);
          if (typeof parsed.sequence_number === "number") answer.lastSequence = parsed.sequence_number;
          const chunk = observe(ctx, parsed, answer);
          if (chunk) controller.enqueue(chunk);
        },
      };
    },
  };
}
