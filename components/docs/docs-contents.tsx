"use client";

import { useEffect, useRef } from "react";
import { DOC_SECTIONS } from "@/lib/docs/sections";
import { useCurrentSection } from "./use-current-section";

const link = "block rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100 hover:text-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-900 dark:hover:text-indigo-400";
const active = "aria-[current=location]:bg-indigo-50 aria-[current=location]:font-medium aria-[current=location]:text-indigo-700 dark:aria-[current=location]:bg-indigo-950/60 dark:aria-[current=location]:text-indigo-300";

/** The contents, with the section being read marked (aria-current) and kept in view in a scrolling sidebar. */
export function DocsContents() {
  const current = useCurrentSection();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const anchor = list.current?.querySelector<HTMLElement>('[aria-current="location"]');
    const box = anchor?.closest<HTMLElement>("[data-docs-scroll]");
    if (!anchor || !box) return;
    const { top, bottom } = anchor.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    if (top < view.top) box.scrollTop -= view.top - top + 24;
    else if (bottom > view.bottom) box.scrollTop += bottom - view.bottom + 24;
  }, [current]);
  const mark = (id: string) => (id === current ? "location" : undefined);
  return (
    <ul ref={list} className="space-y-0.5 text-sm">
      {DOC_SECTIONS.map((section) => (
        <li key={section.id}>
          <a href={`#${section.id}`} aria-current={mark(section.id)} className={`${link} ${active} font-medium`}>{section.title}</a>
          {section.children && (
            <ul className="mt-0.5 mb-1 ml-3 space-y-0.5 border-l border-zinc-200 pl-2 dark:border-zinc-800">
              {section.children.map((child) => (
                <li key={child.id}><a href={`#${child.id}`} aria-current={mark(child.id)} className={`${link} ${active} text-[13px]`}>{child.title}</a></li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
