import { urlCitation } from "@/lib/providers/shared/citations";
import type { UrlCitation } from "@/lib/providers/types";
import type { GeminiWireGrounding } from "./wire-schema";

type Segment = NonNullable<NonNullable<GeminiWireGrounding["groundingSupports"]>[number]["segment"]>;

/** Gemini's segment offsets are UTF-8 bytes; ours, like OpenAI's, are characters of the answer. */
const charOffset = (utf8: Buffer, bytes: number) => utf8.subarray(0, bytes).toString("utf8").length;

/** Where a supported segment sits in the answer: found by its text near the byte offset, else by the offsets. */
function segmentSpan(text: string, utf8: Buffer, segment: Segment): [number, number] {
  const start = charOffset(utf8, segment.startIndex ?? 0);
  const found = segment.text ? text.indexOf(segment.text, Math.max(0, start - segment.text.length)) : -1;
  if (found >= 0) return [found, found + segment.text!.length];
  return [start, charOffset(utf8, segment.endIndex ?? 0)];
}

/**
 * Google Search grounding as url_citation annotations: each supported segment of the answer
 * cites the web sources (grounding chunks) behind it.
 */
export function groundingCitations(grounding: GeminiWireGrounding | null | undefined, text: string): UrlCitation[] {
  const chunks = grounding?.groundingChunks ?? [];
  const supports = grounding?.groundingSupports ?? [];
  const utf8 = supports.length ? Buffer.from(text) : Buffer.alloc(0);
  return supports.flatMap((support) => {
    if (!support.segment) return [];
    const [start, end] = segmentSpan(text, utf8, support.segment);
    return (support.groundingChunkIndices ?? []).flatMap((i) => {
      const web = chunks[i]?.web;
      return web?.uri ? [urlCitation(web.uri, web.title, start, end)] : [];
    });
  });
}
