"use client";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { searchDocs, type DocEntry } from "@/lib/docs/search";

/** The docs as rendered, one entry per section and per subsection heading, read from the page itself. */
function readEntries(): DocEntry[] {
  const article = document.querySelector("[data-doc-section]")?.parentElement;
  if (!article) return [];
  const entries: DocEntry[] = [];
  let section = "";
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof HTMLElement && node.matches("section[data-doc-section]")) {
      section = node.querySelector("h2")?.textContent ?? "";
      entries.push({ id: node.id, title: section, section, text: "" });
    } else if (node instanceof HTMLElement && node.matches("h3[id]")) {
      entries.push({ id: node.id, title: node.textContent ?? "", section, text: "" });
    } else if (node.nodeType === Node.TEXT_NODE && entries.length > 0 && !node.parentElement?.closest("h2, h3")) {
      entries[entries.length - 1].text += ` ${node.textContent}`;
    }
  }
  return entries.map((entry) => ({ ...entry, text: entry.text.replace(/\s+/g, " ").trim() }));
}

/** Searches the page in the browser (no service behind it); a result is a link to its heading. */
export function DocsSearch({ idPrefix }: { idPrefix: string }) {
  const [query, setQuery] = useState("");
  const entries = useRef<DocEntry[] | null>(null);
  const results = useRef<HTMLUListElement>(null);
  const hits = useMemo(() => {
    if (!query.trim()) return [];
    entries.current ??= readEntries();
    return searchDocs(entries.current, query);
  }, [query]);

  // Enter follows the best hit; the arrow keys walk the list.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const first = results.current?.querySelector<HTMLAnchorElement>("a");
    if (event.key === "Enter" && first) {
      event.preventDefault();
      first.click();
    } else if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === "Escape") setQuery("");
  }
  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const links = [...(results.current?.querySelectorAll<HTMLAnchorElement>("a") ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    links[at + (event.key === "ArrowDown" ? 1 : -1)]?.focus();
  }

  return (
    <div role="search" className="px-2 pb-3" data-testid="docs-search">
      <label htmlFor={`${idPrefix}-docs-search`} className="sr-only">Search the docs</label>
      <input
        id={`${idPrefix}-docs-search`}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Search the docs"
        autoComplete="off"
        className="input mt-0 py-1.5"
      />
      <p className="mt-2 text-xs text-zinc-500 empty:hidden" aria-live="polite">{query.trim() ? (hits.length === 0 ? "Nothing found." : hits[0].complete ? `${hits.length} result${hits.length === 1 ? "" : "s"}` : "No section has every word; these have the most.") : ""}</p>
      {hits.length > 0 && (
        <ul ref={results} onKeyDown={onListKeyDown} aria-label="Search results" className="mt-1 space-y-1" data-testid="docs-search-results">
          {hits.map(({ entry, snippet }) => (
            <li key={entry.id}>
              <a href={`#${entry.id}`} onClick={() => setQuery("")} className="block rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-900 dark:focus:bg-zinc-900">
                <span className="block font-medium text-zinc-900 dark:text-zinc-100">{entry.title}{entry.section !== entry.title && <span className="font-normal text-zinc-500"> · {entry.section}</span>}</span>
                <span className="mt-0.5 block text-xs leading-snug break-words text-zinc-600 dark:text-zinc-400">
                  {snippet.map((part, index) => (index % 2 ? <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/60">{part}</mark> : part))}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
