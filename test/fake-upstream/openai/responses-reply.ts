import { decideReply, textOf, type Reply } from "../conversation";
import { randomId, toolCallId } from "../ids";
import type { Body, ErrorDetail, Exchange } from "../types";

/** A fixed encrypted reasoning blob, as OpenAI returns with include: ["reasoning.encrypted_content"]. */
export const FAKE_ENCRYPTED_REASONING = "gAAAAABfakeEncryptedReasoning==";

/** The input as items: a string is one user message. */
export const inputItems = (body: Body): Body[] => (typeof body.input === "string" ? [{ role: "user", content: body.input }] : Array.isArray(body.input) ? body.input : []);

const isMessage = (item: Body) => item.type === "message" || (item.type === undefined && item.role);

function forcedTool(choice: unknown): string | undefined {
  if (choice === "required") return "any";
  return (choice as Body | undefined)?.type === "function" ? (choice as Body).name : undefined;
}

/** Reads a Responses request into the shared deterministic reply. */
export function responsesReplyFor(body: Body): Reply {
  const items = inputItems(body);
  const lastUser = [...items].reverse().find((item) => isMessage(item) && item.role === "user");
  const last = items.at(-1);
  const effort = body.reasoning?.effort;
  return decideReply({
    lastUserText: textOf(lastUser?.content),
    toolNames: (body.tools ?? []).filter((t: Body) => t.type === "function").map((t: Body) => t.name),
    forcedTool: forcedTool(body.tool_choice),
    toolsDisabled: body.tool_choice === "none",
    toolResult: last?.type === "function_call_output" ? textOf(last.output) : null,
    wantsThinking: Boolean(effort) && effort !== "none" && effort !== "minimal",
    maxTokens: body.max_output_tokens,
    promptChars: JSON.stringify(items).length + String(body.instructions ?? "").length,
  });
}

/**
 * What OpenAI refuses in a Responses request: no model, a previous_response_id (this fake keeps
 * nothing, so none is known), a function_call_output without its call, a reasoning item it did not make
 * (OpenAI looks reasoning items up by id).
 */
export function validateResponses({ body }: Exchange): ErrorDetail | null {
  if (!body.model) return { status: 400, message: "Missing required parameter: 'model'.", param: "model", code: "missing_required_parameter" };
  if (body.previous_response_id) {
    return { status: 400, message: `Previous response with id '${body.previous_response_id}' not found.`, param: "previous_response_id", code: "previous_response_not_found" };
  }
  const items = inputItems(body);
  const calls = new Set(items.filter((item) => item.type === "function_call").map((item) => item.call_id));
  const orphan = items.find((item) => item.type === "function_call_output" && !calls.has(item.call_id));
  if (orphan) return { status: 400, message: `No tool call found for function call output with call_id ${orphan.call_id}.`, param: "input" };
  const foreign = items.find((item) => item.type === "reasoning" && !String(item.id).startsWith("rs_fake"));
  if (foreign) return { status: 404, message: `Item with id '${foreign.id}' not found.`, param: "input", code: "item_not_found" };
  return null;
}

export interface ResponsesReply {
  reply: Reply;
  /** The finished response object. */
  response: Body;
}

/** The whole response OpenAI would answer: reasoning (summary and encrypted content on request), text or calls, usage. */
export function responsesReply(body: Body): ResponsesReply {
  const reply = responsesReplyFor(body);
  const output: Body[] = [];
  if (reply.thinking) {
    const summary = body.reasoning?.summary ? [{ type: "summary_text", text: reply.thinking }] : [];
    const encrypted = (body.include ?? []).includes("reasoning.encrypted_content") ? { encrypted_content: FAKE_ENCRYPTED_REASONING } : {};
    output.push({ id: randomId("rs_fake", 20), type: "reasoning", summary, ...encrypted });
  }
  if (reply.text) {
    output.push({ id: randomId("msg_fake", 20), type: "message", status: reply.truncated ? "incomplete" : "completed", role: "assistant", content: [{ type: "output_text", annotations: [], logprobs: [], text: reply.text }] });
  }
  reply.toolCalls.forEach((call, i) => {
    const callId = toolCallId("call_", i, call.arguments.city);
    output.push({ id: toolCallId("fc_", i, call.arguments.city), type: "function_call", status: "completed", arguments: JSON.stringify(call.arguments), call_id: callId, name: call.name });
  });
  const output_tokens = reply.completionTokens + reply.thinkingTokens;
  const response = {
    id: randomId("resp_fake", 24), object: "response", created_at: 1_750_000_000, status: reply.truncated ? "incomplete" : "completed", background: false,
    error: null, incomplete_details: reply.truncated ? { reason: "max_output_tokens" } : null, instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null, model: `${body.model}-fake-2025`, output, parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null, reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null }, store: body.store ?? true,
    temperature: body.temperature ?? 1, text: body.text ?? { format: { type: "text" } }, tool_choice: body.tool_choice ?? "auto", tools: body.tools ?? [],
    top_p: body.top_p ?? 1, truncation: "disabled", user: body.user ?? null, metadata: body.metadata ?? {},
    usage: {
      input_tokens: reply.promptTokens, input_tokens_details: { cached_tokens: 0 }, output_tokens,
      output_tokens_details: { reasoning_tokens: reply.thinkingTokens }, total_tokens: reply.promptTokens + output_tokens,
    },
  };
  return { reply, response };
}
