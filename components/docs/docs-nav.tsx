import { DocsContents } from "./docs-contents";
import { DocsSearch } from "./docs-search";
import { MobileDocsNav } from "./mobile-docs-nav";

/** The table of contents: a sticky sidebar on wide screens, a fold-out menu under the header on phones. */
export function DocsNav({ openApiUrl }: { openApiUrl: string }) {
  return (
    <>
      <MobileDocsNav>
        <DocsSearch idPrefix="mobile" />
        <DocsContents />
      </MobileDocsNav>
      <nav aria-label="Documentation" className="hidden lg:block" data-testid="docs-sidebar">
        <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto pr-2 pb-6" data-docs-scroll>
          <p className="px-2 pb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Documentation</p>
          <DocsSearch idPrefix="sidebar" />
          <DocsContents />
          <a href={openApiUrl} className="mt-4 block px-2 text-sm text-zinc-500 hover:text-indigo-600 dark:hover:text-indigo-400">openapi.json</a>
        </div>
      </nav>
    </>
  );
}
