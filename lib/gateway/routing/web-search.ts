import { isOpenAiSearchModel, searchModelOf } from "@/lib/providers/catalog/openrouter-ids";
import { getProvider } from "@/lib/providers/registry";
import { functionTools } from "@/lib/providers/shared/request-fields";
import type { ChatRequest, WebSearchOptions, WebSearchServerTool } from "@/lib/providers/types";

/** OpenRouter's `web` plugin, as clients send it. */
export interface WebPlugin {
  id: "web";
  max_results?: number;
  search_prompt?: string;
  engine?: string;
}

export interface WebSearch {
  options: WebSearchOptions;
  /** The search engine asked for, when one was named. */
  engine?: string;
}

/** Engines that mean "the provider's own search": anything else (Exa, Firecrawl, Parallel) is OpenRouter's. */
const NATIVE_ENGINES = new Set([undefined, "auto", "native"]);

const serverToolOf = (chat: ChatRequest) => chat.tools?.find((t): t is WebSearchServerTool => t.type === "openrouter:web_search");
const webPluginOf = (chat: ChatRequest) => (chat.plugins as Array<{ id: string }> | undefined)?.find((p): p is WebPlugin => p.id === "web");

/**
 * The web search a request asks for, from `web_search_options`, the `web` plugin, the
 * `openrouter:web_search` server tool or the model's `:online`; null when it asks for none.
 */
export function requestedWebSearch(chat: ChatRequest, online: boolean): WebSearch | null {
  const tool = serverToolOf(chat);
  const plugin = webPluginOf(chat);
  if (!online && !tool && !plugin && !chat.web_search_options) return null;
  const { engine: toolEngine, search_context_size, allowed_domains, excluded_domains } = tool?.parameters ?? {};
  const fromTool = Object.fromEntries(Object.entries({ search_context_size, allowed_domains, excluded_domains }).filter(([, v]) => v !== undefined));
  const engine = toolEngine ?? plugin?.engine;
  return { options: { ...chat.web_search_options, ...fromTool }, ...(engine ? { engine } : {}) };
}

/** How a direct provider searches the web for this model: the request changes, or why it cannot. */
export type SearchSupport = { overrides: Partial<ChatRequest>; model?: string } | { refused: string };

/**
 * OpenAI searches in Chat Completions only with its search models (gpt-4o → gpt-4o-search-preview),
 * which take no tools; Anthropic and Gemini search with any model; a custom endpoint gets
 * `web_search_options` as sent. The request loses the server tool and plugins, which only OpenRouter reads.
 */
export function searchSupport(provider: string, model: string, chat: ChatRequest, search: WebSearch): SearchSupport {
  const name = getProvider(provider)?.name ?? provider;
  if (!NATIVE_ENGINES.has(search.engine)) return { refused: `the '${search.engine}' search engine runs on OpenRouter, not at ${name}` };
  const tools = functionTools(chat.tools);
  const overrides: Partial<ChatRequest> = { web_search_options: search.options, tools: tools.length ? tools : undefined, plugins: undefined };
  if (provider === "anthropic" || provider === "google" || provider === "custom") return { overrides };
  if (provider !== "openai") return { refused: `${name} has no server-side web search` };
  const searchModel = isOpenAiSearchModel(model) ? model : searchModelOf(provider, model);
  if (!searchModel) return { refused: `OpenAI searches the web in Chat Completions only with its search models (gpt-4o-search-preview, gpt-4o-mini-search-preview, gpt-5-search-api), and ${model} has none` };
  if (tools.length) return { refused: "OpenAI's search models take no tools" };
  return { overrides, model: searchModel };
}
