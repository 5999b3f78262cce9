import { urlCitation } from "@/lib/providers/shared/citations";
import { definedOnly } from "@/lib/providers/shared/request-fields";
import type { UrlCitation, WebSearchOptions } from "@/lib/providers/types";
import type { AnthropicCitation, ContentBlock } from "./wire-schema";

/** Anthropic's server-side web search tool; Claude decides when to search. */
export function webSearchTool(options: WebSearchOptions | undefined): Record<string, unknown> | undefined {
  if (!options) return undefined;
  const location = options.user_location?.approximate;
  return definedOnly({
    type: "web_search_20250305",
    name: "web_search",
    allowed_domains: options.allowed_domains,
    blocked_domains: options.excluded_domains,
    user_location: location ? { type: "approximate", ...location } : undefined,
  });
}

/** A web search result a text block cites, as a url_citation over that block's place in the answer. */
export function citationsOf(citations: AnthropicCitation[] | null | undefined, start: number, end: number): UrlCitation[] {
  return (citations ?? []).flatMap((c) => (c.type === "web_search_result_location" && c.url ? [urlCitation(c.url, c.title, start, end, c.cited_text)] : []));
}

/** Every text block's citations, with offsets into the blocks' text joined as the answer. */
export function answerCitations(blocks: ContentBlock[]): UrlCitation[] {
  let offset = 0;
  return blocks.flatMap((block) => {
    if (block.type !== "text") return [];
    const start = offset;
    offset += (block.text ?? "").length;
    return citationsOf(block.citations, start, offset);
  });
}
