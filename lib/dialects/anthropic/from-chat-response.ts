import type { ChatResponse } from "@/lib/providers/types";
import { anthropicContent, type AnthropicContentBlock } from "./content-blocks";
import { toStopReason } from "./stop-reason";
import { anthropicUsage, type AnthropicUsage } from "./usage";

export interface AnthropicMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: AnthropicContentBlock[];
  stop_reason: string;
  stop_sequence: string | null;
  usage: AnthropicUsage;
}

/** Our generation id as an Anthropic message id. */
export const messageId = (id: string) => `msg_${id.replace(/^gen-/, "")}`;

/** Our completion as an Anthropic message: thinking (with signatures), text, then tool uses. */
export function chatResponseToAnthropic(response: ChatResponse): AnthropicMessage {
  const choice = response.choices[0];
  const refused = !choice?.message.content && Boolean(choice?.message.refusal);
  return {
    id: messageId(response.id),
    type: "message",
    role: "assistant",
    model: response.model,
    content: choice ? anthropicContent(choice.message) : [],
    stop_reason: refused ? "refusal" : toStopReason(choice?.finish_reason ?? null, choice?.native_finish_reason),
    // Which stop sequence matched is not carried through our shape.
    stop_sequence: null,
    usage: anthropicUsage(response.usage),
  };
}
