import type { UrlCitation } from "@/lib/providers/types";

/** One web source as OpenAI's `url_citation` annotation, `content` only where the provider gave it. */
export function urlCitation(url: string, title: string | null | undefined, start: number, end: number, content?: string | null): UrlCitation {
  return { type: "url_citation", url_citation: { url, title: title ?? "", ...(content ? { content } : {}), start_index: start, end_index: end } };
}

/** The `url_citation` annotations among what an OpenAI-dialect upstream sent; anything else is left out. */
export function openAiCitations(annotations: unknown[] | null | undefined): UrlCitation[] {
  return (annotations ?? []).flatMap((annotation) => {
    const cited = (annotation as { type?: unknown; url_citation?: Record<string, unknown> } | null)?.url_citation;
    if ((annotation as { type?: unknown })?.type !== "url_citation" || typeof cited?.url !== "string") return [];
    const index = (value: unknown) => (typeof value === "number" ? value : 0);
    const content = typeof cited.content === "string" ? cited.content : undefined;
    return [urlCitation(cited.url, typeof cited.title === "string" ? cited.title : "", index(cited.start_index), index(cited.end_index), content)];
  });
}
