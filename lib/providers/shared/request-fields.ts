import type { FunctionTool, Tool } from "@/lib/providers/types";

/** `stop` as the list every provider but OpenAI wants. */
export function stopList(stop: string | string[] | undefined): string[] | undefined {
  return stop === undefined ? undefined : Array.isArray(stop) ? stop : [stop];
}

/** The entries whose value is set: providers reject explicit nulls where a field is optional. */
export function definedOnly<T extends Record<string, unknown>>(entries: T): Partial<T> {
  // A plain loop: this runs on every upstream body, and entries/fromEntries allocate a pair per field.
  const kept: Record<string, unknown> = {};
  for (const name of Object.keys(entries)) {
    const value = entries[name];
    if (value !== undefined && value !== null) kept[name] = value;
  }
  return kept as Partial<T>;
}

/** The function tools of a request: server tools (OpenRouter's web search) are not the model's to call. */
export function functionTools(tools: Tool[] | undefined): FunctionTool[] {
  return (tools ?? []).filter((tool): tool is FunctionTool => tool.type === "function");
}
