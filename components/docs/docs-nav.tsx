import { DOC_SECTIONS } from "@/lib/docs/sections";
import { MobileDocsNav } from "./mobile-docs-nav";

const link = "block rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100 hover:text-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-900 dark:hover:text-indigo-400";

export function DocsLinks() {
  return (
    <ul className="space-y-0.5 text-sm">
      {DOC_SECTIONS.map((section) => (
        <li key={section.id}>
          <a href={`#${section.id}`} className={`${link} font-medium`}>{section.title}</a>
          {section.children && (
            <ul className="mt-0.5 mb-1 ml-3 space-y-0.5 border-l border-zinc-200 pl-2 dark:border-zinc-800">
              {section.children.map((child) => (
                <li key={child.id}><a href={`#${child.id}`} className={`${link} text-[13px]`}>{child.title}</a></li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The table of contents: a sticky sidebar on wide screens, a fold-out menu under the header on phones. */
export function DocsNav({ openApiUrl }: { openApiUrl: string }) {
  return (
    <>
      <MobileDocsNav>
        <DocsLinks />
      </MobileDocsNav>
      <nav aria-label="Documentation" className="hidden lg:block" data-testid="docs-sidebar">
        <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto pr-2 pb-6">
          <p className="px-2 pb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Documentation</p>
          <DocsLinks />
          <a href={openApiUrl} className="mt-4 block px-2 text-sm text-zinc-500 hover:text-indigo-600 dark:hover:text-indigo-400">openapi.json</a>
        </div>
      </nav>
    </>
  );
}
