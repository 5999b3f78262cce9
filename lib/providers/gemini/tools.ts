import type { ChatRequest, FunctionTool, ToolChoice } from "@/lib/providers/types";
import { functionTools } from "@/lib/providers/shared/request-fields";
import { sanitizeSchemaForGemini } from "./schema-sanitizer";

function declaration(tool: FunctionTool): Record<string, unknown> {
  const { name, description, parameters } = tool.function;
  const schema = parameters ? sanitizeSchemaForGemini(parameters, { what: `The parameters of tool ${name}` }) : undefined;
  // A function without arguments is declared without parameters: Gemini rejects an empty object schema.
  const hasArguments = schema?.properties !== undefined || schema?.anyOf !== undefined;
  return { name, ...(description ? { description } : {}), ...(hasArguments ? { parameters: schema } : {}) };
}

/** Our function tools as one Gemini `functionDeclarations` tool. */
export function geminiTools(request: ChatRequest): Array<Record<string, unknown>> | undefined {
  const tools = functionTools(request.tools);
  return tools.length ? [{ functionDeclarations: tools.map(declaration) }] : undefined;
}

/** tool_choice → functionCallingConfig: auto → AUTO, none → NONE, required → ANY, one function → ANY limited to it. */
export function geminiToolConfig(choice: ToolChoice | undefined): Record<string, unknown> | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === "object") return { functionCallingConfig: { mode: "ANY", allowedFunctionNames: [choice.function.name] } };
  const mode = { auto: "AUTO", none: "NONE", required: "ANY" }[choice];
  return mode ? { functionCallingConfig: { mode } } : undefined;
}
