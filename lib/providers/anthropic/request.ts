import { definedOnly, functionTools, stopList } from "@/lib/providers/shared/request-fields";
import type { ChatRequest, UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { anthropicHeaders } from "./headers";
import { conversation, systemBlocks } from "./messages";
import { JSON_TOOL, structuredOutputFor } from "./structured-output";
import { planTokens } from "./thinking";
import { anthropicToolChoice, anthropicTools, forcesToolUse, type AnthropicTool } from "./tools";
import { webSearchTool } from "./web-search";

export { JSON_TOOL } from "./structured-output";
export { DEFAULT_MAX_TOKENS } from "./thinking";

/**
 * Sampling knobs. Temperature tops out at 1; recent models reject temperature with top_p, so
 * temperature wins. With thinking on, Anthropic rejects temperature and top_k, and top_p below 0.95.
 */
function samplingFields(request: ChatRequest, thinking: boolean): Record<string, number | undefined> {
  const temperature = request.temperature ?? undefined;
  const topP = temperature === undefined ? (request.top_p ?? undefined) : undefined;
  if (thinking) return { top_p: topP !== undefined && topP >= 0.95 ? topP : undefined };
  return { temperature: temperature === undefined ? undefined : Math.min(1, temperature), top_p: topP, top_k: request.top_k ?? undefined };
}

/** Our request as an Anthropic Messages request. */
export function buildAnthropicChatRequest(request: ChatRequest, ctx: UpstreamContext): UpstreamRequest {
  const structured = structuredOutputFor(request, ctx.model);
  const tools: Array<AnthropicTool | Record<string, unknown>> = anthropicTools(functionTools(request.tools));
  if (structured?.kind === "tool") tools.push(structured.tool);
  const search = webSearchTool(request.web_search_options);
  if (search) tools.push(search);
  const choice = structured?.kind === "tool" ? { type: "tool" as const, name: JSON_TOOL } : anthropicToolChoice(request.tool_choice, request.parallel_tool_calls);
  // Anthropic refuses thinking while tool use is forced; the client's forced tool wins.
  const plan = planTokens(request, !forcesToolUse(choice));
  const system = systemBlocks(request.messages);
  const stop = stopList(request.stop ?? undefined);
  const body = definedOnly({
    model: ctx.model,
    max_tokens: plan.maxTokens,
    system: system.length ? system : undefined,
    messages: conversation(request.messages),
    stop_sequences: stop?.length ? stop : undefined,
    tools: tools.length ? tools : undefined,
    tool_choice: tools.length ? choice : undefined,
    thinking: plan.budget ? { type: "enabled", budget_tokens: plan.budget } : undefined,
    output_config: structured?.kind === "native" ? { format: structured.format } : undefined,
    metadata: request.user ? { user_id: request.user } : undefined,
    stream: request.stream ? true : undefined,
    ...samplingFields(request, Boolean(plan.budget)),
  });
  return { url: `${ctx.baseUrl}/v1/messages`, method: "POST", headers: anthropicHeaders(ctx, Boolean(request.stream)), body: JSON.stringify(body) };
}
