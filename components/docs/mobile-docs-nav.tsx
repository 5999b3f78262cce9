"use client";

import { useRef, type ReactNode } from "react";
import { DOC_ANCHORS, useCurrentSection } from "./use-current-section";

/** The contents menu on phones: names the section being read, and folds away again once one is picked. */
export function MobileDocsNav({ children }: { children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const current = useCurrentSection();
  const title = DOC_ANCHORS.find((anchor) => anchor.id === current)?.title;
  return (
    <details
      ref={details}
      className="sticky top-14 z-10 -mx-4 border-b border-zinc-200 bg-white/95 px-4 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95"
      data-testid="docs-mobile-nav"
      onClick={(event) => {
        if ((event.target as HTMLElement).closest("a")) details.current?.removeAttribute("open");
      }}
    >
      <summary className="flex cursor-pointer items-center justify-between gap-3 py-3 text-sm font-medium">
        <span className="min-w-0 truncate">
          On this page{title && <span className="font-normal text-zinc-500"> · <span data-testid="docs-current-section">{title}</span></span>}
        </span>
        <span aria-hidden="true" className="text-zinc-400">☰</span>
      </summary>
      <nav aria-label="Documentation" className="max-h-[70vh] overflow-y-auto pb-4" data-docs-scroll>{children}</nav>
    </details>
  );
}
