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
  /** Holds every word of the query (else only some: no entry held them all). */
  complete: boolean;
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

function scoreOf(entry: DocEntry, words: string[]): { found: number; score: number } {
  const title = entry.title.toLowerCase();
  const section = entry.section.toLowerCase();
  const text = entry.text.toLowerCase();
  let found = 0;
  let score = 0;
  for (const word of words) {
    const count = Math.min(text.split(word).length - 1, 10);
    if (title.includes(word) || section.includes(word) || count > 0) found++;
    score += (title.includes(word) ? 100 : 0) + (section.includes(word) ? 20 : 0) + count;
  }
  return { found, score };
}

/**
 * Entries holding every word of the query (in any case), best first: words in the heading count
 * most, then in the section's name, then how often they occur in the text. When none holds them
 * all, those holding the most of them.
 */
export function searchDocs(entries: DocEntry[], query: string, limit = 8): DocHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const scored = entries.map((entry) => ({ entry, ...scoreOf(entry, words) })).filter((hit) => hit.found > 0);
  const most = Math.max(0, ...scored.map((hit) => hit.found));
  return scored
    .filter((hit) => hit.found === most)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ entry }) => ({ entry, snippet: snippetOf(entry.text, words), complete: most === words.length }));
}
