import { itemId } from "./ids";
import { isOurReasoning } from "./reasoning-state";
import type { InputItem, MessageItem, ResponsesRequest } from "./schema";

type Item = InputItem & { id?: string; type: string };
type Part = { type: string; text?: string; refusal?: string };

export interface OwnInput {
  /** This request's input as stored items: ids given, strings as messages, references resolved. */
  items: InputItem[];
  /** Item references nothing we store answers (OpenAI may still know them). */
  unresolved: string[];
}

/** A message as the Responses API lists it: content parts, an id and a status. */
function storedMessage(item: MessageItem & { id?: string }): InputItem {
  const assistant = item.role === "assistant";
  const content = typeof item.content === "string"
    ? [assistant ? { type: "output_text", text: item.content, annotations: [] } : { type: "input_text", text: item.content }]
    : item.content;
  return { ...item, id: item.id ?? itemId("msg"), status: "completed", content } as InputItem;
}

/**
 * The request's input as items to store and translate. `{type:"item_reference", id}` takes the
 * item it names from the conversation so far.
 */
export function normalizeInput(input: ResponsesRequest["input"], history: InputItem[]): OwnInput {
  if (input === undefined) return { items: [], unresolved: [] };
  if (typeof input === "string") return { items: [storedMessage({ type: "message", role: "user", content: input })], unresolved: [] };
  const known = new Map((history as Item[]).filter((h) => h.id).map((h) => [h.id!, h]));
  const unresolved: string[] = [];
  const items = (input as Item[]).map((item): InputItem => {
    if (item.type === "message") return storedMessage(item as MessageItem);
    if (item.type === "function_call") return { status: "completed", ...item, id: item.id ?? itemId("fc") } as InputItem;
    if (item.type === "function_call_output") return { status: "completed", ...item, id: item.id ?? itemId("fco") } as InputItem;
    if (item.type !== "item_reference") return item;
    const found = known.get(String(item.id));
    if (!found) unresolved.push(String(item.id));
    return found ?? item;
  });
  return { items, unresolved };
}

const text = (content: unknown) => (typeof content === "string" ? content : (content as Part[]).map((p) => p.text ?? p.refusal ?? "").join(""));

/**
 * An item as OpenAI takes it back as input: without the ids we gave (OpenAI would look them up),
 * an assistant message as plain text; our translated reasoning is for the other providers only.
 */
export function nativeItem(item: InputItem): InputItem[] {
  const { id: _id, status: _status, ...rest } = item as Item & { status?: string };
  switch (item.type) {
    case "reasoning":
      return isOurReasoning((item as { encrypted_content?: unknown }).encrypted_content) ? [] : [item];
    case "message": {
      const message = rest as MessageItem;
      return [message.role === "assistant" ? { type: "message", role: "assistant", content: text(message.content) } : rest] as InputItem[];
    }
    case "function_call":
    case "function_call_output":
      return [rest as InputItem];
    default:
      return [item];
  }
}
