import type { FunctionTool, ToolChoice } from "@/lib/providers/types";

export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
}

export type AnthropicToolChoice = { type: "auto" | "any" | "none" } | { type: "tool"; name: string };

/** OpenAI function tools as Anthropic tools; a tool without parameters takes an empty object. */
export function anthropicTools(tools: FunctionTool[] | undefined): AnthropicTool[] {
  return (tools ?? []).map((tool) => ({
    name: tool.function.name,
    ...(tool.function.description ? { description: tool.function.description } : {}),
    input_schema: tool.function.parameters ?? { type: "object", properties: {} },
  }));
}

/** auto → auto, required → any, a named function → tool, none → none; `parallel_tool_calls: false` disables parallel use. */
export function anthropicToolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): (AnthropicToolChoice & { disable_parallel_tool_use?: true }) | undefined {
  if (choice === "none") return { type: "none" };
  const disable = parallel === false ? { disable_parallel_tool_use: true as const } : {};
  if (choice === "required") return { type: "any", ...disable };
  if (choice && typeof choice === "object") return { type: "tool", name: choice.function.name, ...disable };
  return choice === "auto" || parallel === false ? { type: "auto", ...disable } : undefined;
}

export const forcesToolUse = (choice: AnthropicToolChoice | undefined) => choice?.type === "any" || choice?.type === "tool";
