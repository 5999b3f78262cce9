import { badRequest } from "@/lib/errors/gateway-error";
import type { ChatMessage, ReasoningDetail } from "@/lib/providers/types";
import { assistantText, chatContent } from "./content-parts";
import { decodeReasoning } from "./reasoning-state";
import { OPENAI_ONLY_ITEMS, type ContentPartInput, type InputItem, type MessageItem, type ReasoningInput } from "./schema";

type FunctionCall = Extract<InputItem, { type: "function_call"; call_id: string }>;
type FunctionCallOutput = Extract<InputItem, { type: "function_call_output"; call_id: string }>;

export interface ChatMessages {
  messages: ChatMessage[];
  /** What only OpenAI can act on (its own item types, file ids): the request cannot be translated. */
  openAiOnly: string[];
}

/** An OpenAI reasoning item for another model: its summary as text; OpenAI's encrypted blob stays OpenAI's. */
function reasoningDetails(item: ReasoningInput): ReasoningDetail[] {
  const ours = item.encrypted_content ? decodeReasoning(item.encrypted_content) : null;
  if (ours) return ours;
  const text = [...item.summary, ...(item.content ?? [])].map((s) => s.text).join("");
  return [
    ...(text ? [{ type: "reasoning.text" as const, text, format: "openai" as const }] : []),
    ...(item.encrypted_content ? [{ type: "reasoning.encrypted" as const, data: item.encrypted_content, format: "openai" as const }] : []),
  ];
}

/**
 * Responses items as chat messages. An assistant turn (reasoning, text, function calls) collects
 * into one assistant message until a user message or a tool output ends it; each
 * function_call_output must answer a function_call made earlier in the conversation.
 */
export function itemsToChatMessages(items: InputItem[]): ChatMessages {
  const messages: ChatMessage[] = [];
  const openAiOnly: string[] = [];
  const calls = new Set<string>();
  let turn: ChatMessage | null = null;
  const assistant = () => turn ?? (messages.push((turn = { role: "assistant", content: null })), turn);

  for (const item of items) {
    if (item.type === "message" && (item as MessageItem).role === "assistant") {
      const text = assistantText((item as MessageItem).content as string | ContentPartInput[]);
      const current = assistant();
      current.content = ((current.content as string | null) ?? "") + text;
    } else if (item.type === "message") {
      const { role, content } = item as MessageItem;
      turn = null;
      messages.push({ role, content: chatContent(content as string | ContentPartInput[], openAiOnly) });
    } else if (item.type === "function_call") {
      const call = item as FunctionCall;
      calls.add(call.call_id);
      (assistant().tool_calls ??= []).push({ id: call.call_id, type: "function", function: { name: call.name, arguments: call.arguments } });
    } else if (item.type === "function_call_output") {
      const output = item as FunctionCallOutput;
      if (!calls.has(output.call_id)) throw badRequest(`No tool call found for function call output with call_id ${output.call_id}.`, "input");
      turn = null;
      messages.push({ role: "tool", tool_call_id: output.call_id, content: chatContent(output.output as string | ContentPartInput[], openAiOnly) });
    } else if (item.type === "reasoning") {
      const details = reasoningDetails(item as ReasoningInput);
      const current = assistant();
      const text = details.map((d) => (d.type === "reasoning.text" ? (d.text ?? "") : "")).join("");
      if (text) current.reasoning = (current.reasoning ?? "") + text;
      if (details.length) current.reasoning_details = [...(current.reasoning_details ?? []), ...details];
    } else if ((OPENAI_ONLY_ITEMS as readonly string[]).includes(item.type)) {
      openAiOnly.push(`${item.type} items`);
    }
    // web_search_call items carry no content of their own: the answer that used them follows as text.
  }
  return { messages, openAiOnly };
}
