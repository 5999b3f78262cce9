import type { ChatRequest, FunctionTool, ToolChoice } from "@/lib/providers/types";
import { toJsonSchema } from "./openapi-schema";
import type { GenerateRequest } from "./schema";

type Config = NonNullable<NonNullable<GenerateRequest["toolConfig"]>["functionCallingConfig"]>;

function choiceOf(config: Config | undefined): ToolChoice | undefined {
  const names = config?.allowedFunctionNames ?? [];
  if (config?.mode === "NONE") return "none";
  if (config?.mode === "ANY") return names.length === 1 ? { type: "function", function: { name: names[0] } } : "required";
  return config?.mode === "AUTO" || config?.mode === "VALIDATED" ? "auto" : undefined;
}

/**
 * functionDeclarations as our function tools and functionCallingConfig as tool_choice. Built-in
 * tools (googleSearch, codeExecution) only Gemini runs; allowedFunctionNames narrows the list.
 */
export function toolsOf(input: GenerateRequest): Pick<ChatRequest, "tools" | "tool_choice"> {
  const config = input.toolConfig?.functionCallingConfig;
  const allowed = config?.mode === "ANY" || config?.mode === "VALIDATED" ? config.allowedFunctionNames : undefined;
  const declarations = (input.tools ?? [])
    .flatMap((t) => t.functionDeclarations ?? [])
    .filter((d) => !allowed?.length || allowed.includes(d.name));
  if (!declarations.length) return {};
  const tools: FunctionTool[] = declarations.map((d) => {
    const parameters = d.parametersJsonSchema ?? toJsonSchema(d.parameters);
    return { type: "function", function: { name: d.name, ...(d.description ? { description: d.description } : {}), ...(parameters ? { parameters } : {}) } };
  });
  const choice = choiceOf(config);
  return { tools, ...(choice ? { tool_choice: choice } : {}) };
}
