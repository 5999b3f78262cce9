/** One searchable stretch of the docs: a section or subsection, with the text under its heading. */
export interface DocEntry {
  id: string;
  title: string;
  /** The section a subsection belongs to; its own title for a section. */
  section: string;
  text: string;
}

export interface DocHit {
  entry: DocEntry;
  /** Text around the first match, split so that odd indexes are the matched words. */
  snippet: string[];
}

const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 140;

export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter((word) => word.length > 0))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function snippetOf(text: string, words: string[]): string[] {
  const lower = text.toLowerCase();
  const at = Math.min(...words.map((word) => lower.indexOf(word)).filter((index) => index >= 0));
  const start = Number.isFinite(at) ? Math.max(0, at - SNIPPET_BEFORE) : 0;
  const excerpt = `${start > 0 ? "…" : ""}${text.slice(start, start + SNIPPET_LENGTH).trim()}${start + SNIPPET_LENGTH < text.length ? "…" : ""}`;
  return excerpt.split(new RegExp(`(${words.map(escapeRegExp).join("|")})`, "i"));
}

/**
 * Entries holding every word of the query (in any case), best first: words in the heading count
 * most, then in the section's name, then how often they occur in the text.
 */
export function searchDocs(entries: DocEntry[], query: string, limit = 8): DocHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const scored = entries.flatMap((entry) => {
    const title = entry.title.toLowerCase();
    const section = entry.section.toLowerCase();
    const text = entry.text.toLowerCase();
    if (!words.every((word) => title.includes(word) || section.includes(word) || text.includes(word))) return [];
    const score = words.reduce((sum, word) => sum + (title.includes(word) ? 100 : 0) + (section.includes(word) ? 20 : 0) + Math.min(text.split(word).length - 1, 10), 0);
    return [{ entry, score }];
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ entry }) => ({ entry, snippet: snippetOf(entry.text, words) }));
}
