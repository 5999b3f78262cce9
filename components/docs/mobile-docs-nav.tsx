"use client";

import { useRef, type ReactNode } from "react";

/** The contents menu on phones: folds away again once a section is picked. */
export function MobileDocsNav({ children }: { children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={details}
      className="sticky top-14 z-10 -mx-4 border-b border-zinc-200 bg-white/95 px-4 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95"
      data-testid="docs-mobile-nav"
      onClick={(event) => {
        if ((event.target as HTMLElement).closest("a")) details.current?.removeAttribute("open");
      }}
    >
      <summary className="flex cursor-pointer items-center justify-between py-3 text-sm font-medium">
        <span>On this page</span>
        <span aria-hidden="true" className="text-zinc-400">☰</span>
      </summary>
      <nav aria-label="Documentation" className="max-h-[70vh] overflow-y-auto pb-4">{children}</nav>
    </details>
  );
}
