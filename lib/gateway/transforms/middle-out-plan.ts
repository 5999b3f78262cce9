import type { ChatMessage } from "@/lib/providers/types";

/** Tokens OpenAI adds to prime the reply, on top of the messages' own. */
export const PRIMING_TOKENS = 3;
/** Put where text was cut out of a message. */
export const CUT_MARKER = "\n…\n";

const isSystem = (m: ChatMessage) => m.role === "system" || m.role === "developer";

/** Message indexes in groups that must stay or go together: an assistant's tool calls and their results. */
function units(messages: ChatMessage[]): number[][] {
  const groups: number[][] = [];
  messages.forEach((message, index) => {
    const last = groups.at(-1);
    if (message.role === "tool" && last && messages[last[0]].tool_calls?.length) last.push(index);
    else groups.push([index]);
  });
  return groups;
}

export interface MiddleOutPlan {
  /** The indexes of the messages kept, in order. */
  keep: number[];
  /** Their tokens, priming included. */
  tokens: number;
}

/**
 * OpenRouter's middle-out: removes messages from the middle of the conversation until the prompt
 * fits `budget` tokens and `maxMessages` messages. System messages, the first message after them
 * and the last one stay; a tool call leaves with its results. Pure, on precomputed token counts.
 */
export function planMiddleOut(messages: ChatMessage[], counts: number[], budget: number, maxMessages = Infinity): MiddleOutPlan {
  const groups = units(messages);
  const firstTurn = groups.findIndex((group) => !isSystem(messages[group[0]]));
  const removable = groups.filter((group, at) => at !== firstTurn && at !== groups.length - 1 && !isSystem(messages[group[0]]));
  const removed = new Set<number>();
  let tokens = counts.reduce((sum, n) => sum + n, PRIMING_TOKENS);
  let count = messages.length;
  while ((tokens > budget || count > maxMessages) && removable.length) {
    const [group] = removable.splice(Math.floor(removable.length / 2), 1);
    for (const index of group) {
      removed.add(index);
      tokens -= counts[index];
    }
    count -= group.length;
  }
  return { keep: messages.map((_, index) => index).filter((index) => !removed.has(index)), tokens };
}

/** The text without `chars` characters from its middle (never splitting a surrogate pair). */
export function cutMiddle(text: string, chars: number): string {
  if (chars <= 0) return text;
  const kept = Math.max(0, text.length - chars - CUT_MARKER.length);
  let head = Math.ceil(kept / 2);
  let tail = text.length - (kept - head);
  if (/[\uDC00-\uDFFF]/.test(text[head] ?? "")) head -= 1;
  if (/[\uDC00-\uDFFF]/.test(text[tail] ?? "")) tail += 1;
  return text.slice(0, head) + CUT_MARKER + text.slice(tail);
}

/** The message with `chars` characters taken out of the middle of its longest text. */
export function shortenMessage(message: ChatMessage, chars: number): ChatMessage {
  if (typeof message.content === "string") return { ...message, content: cutMiddle(message.content, chars) };
  if (!Array.isArray(message.content)) return message;
  const lengths = message.content.map((part) => (part.type === "text" ? part.text.length : -1));
  const longest = lengths.indexOf(Math.max(...lengths));
  if (lengths[longest] < 0) return message;
  const content = message.content.map((part, at) => (at === longest && part.type === "text" ? { ...part, text: cutMiddle(part.text, chars) } : part));
  return { ...message, content };
}
