import type { ChatMessage } from "@/lib/providers/types";
import { assistantBlocks, systemTextBlocks, toolResultBlock, userBlocks, type AnthropicBlock } from "./content";

export interface AnthropicMessage {
  role: "user" | "assistant";
  content: AnthropicBlock[];
}

const isSystem = (message: ChatMessage) => message.role === "system" || message.role === "developer";

/** System and developer messages, wherever they stand, become Anthropic's top-level `system` blocks. */
export function systemBlocks(messages: ChatMessage[]): AnthropicBlock[] {
  return messages.filter(isSystem).flatMap((m) => systemTextBlocks(m.content));
}

/** Blocks that must open their turn: tool results in a user turn, thinking in an assistant turn. */
function leads(role: AnthropicMessage["role"], block: AnthropicBlock): boolean {
  return role === "user" ? block.type === "tool_result" : block.type === "thinking" || block.type === "redacted_thinking";
}

function blocksOf(message: ChatMessage): AnthropicBlock[] {
  if (message.role === "assistant") return assistantBlocks(message);
  if (message.role === "tool") return [toolResultBlock(message)];
  return userBlocks(message.content);
}

/**
 * The conversation as strictly alternating user/assistant turns: consecutive turns of one role
 * merge, tool results and thinking lead their turn (as Anthropic requires), and turns left
 * without content are skipped (Anthropic rejects them).
 */
export function conversation(messages: ChatMessage[]): AnthropicMessage[] {
  const turns: AnthropicMessage[] = [];
  for (const message of messages) {
    if (isSystem(message)) continue;
    const blocks = blocksOf(message);
    if (blocks.length === 0) continue;
    const role = message.role === "assistant" ? "assistant" : "user";
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  }
  for (const turn of turns) turn.content.sort((a, b) => Number(leads(turn.role, b)) - Number(leads(turn.role, a)));
  return turns;
}
