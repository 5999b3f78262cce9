import type { ResponsesRequest } from "./schema";
import type { ResponseEnvelope } from "./types";

/** A function tool as OpenAI echoes it: the optional fields present, null when not given. */
function echoedTool(tool: Record<string, unknown> & { type: string }) {
  return tool.type === "function" ? { description: null, parameters: null, strict: null, ...tool } : tool;
}

/** What the response repeats of the request it answers, with OpenAI's defaults where the request was silent. */
export function responseEnvelope(input: ResponsesRequest, id: string, createdAt: number): ResponseEnvelope {
  return {
    id,
    object: "response",
    created_at: createdAt,
    model: input.model,
    instructions: input.instructions ?? null,
    max_output_tokens: input.max_output_tokens ?? null,
    metadata: input.metadata ?? {},
    parallel_tool_calls: input.parallel_tool_calls ?? true,
    previous_response_id: input.previous_response_id ?? null,
    reasoning: { effort: input.reasoning?.effort ?? null, summary: input.reasoning?.summary ?? null },
    store: input.store ?? true,
    temperature: input.temperature ?? 1,
    text: { format: input.text?.format ?? { type: "text" } },
    tool_choice: input.tool_choice ?? "auto",
    tools: (input.tools ?? []).map(echoedTool),
    top_p: input.top_p ?? 1,
    truncation: "disabled",
    user: input.user ?? null,
    background: false,
  };
}
