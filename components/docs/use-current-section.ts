"use client";

import { useEffect, useState } from "react";
import { DOC_SECTIONS } from "@/lib/docs/sections";

/** Every anchor of the contents in page order: sections, each followed by its subsections. */
export const DOC_ANCHORS = DOC_SECTIONS.flatMap((section) => [{ id: section.id, title: section.title }, ...(section.children ?? [])]);

// Headings land 80 px (wide) or 112 px (phone) below the top when a link is followed: the
// sticky header and menu sit above them. A heading above this line has been scrolled to.
const READ_LINE = 130;

function currentAnchor(): string {
  let current = DOC_ANCHORS[0].id;
  for (const { id } of DOC_ANCHORS) {
    const top = document.getElementById(id)?.getBoundingClientRect().top;
    if (top !== undefined && top <= READ_LINE) current = id;
  }
  // At the very bottom the last short sections never reach the line: a followed link wins.
  const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
  const target = decodeURIComponent(window.location.hash.slice(1));
  const targetTop = document.getElementById(target)?.getBoundingClientRect().top;
  if (atBottom && DOC_ANCHORS.some((a) => a.id === target) && targetTop !== undefined && targetTop < window.innerHeight) return target;
  return atBottom ? DOC_ANCHORS[DOC_ANCHORS.length - 1].id : current;
}

/** The id of the section or subsection being read, following the scroll position. */
export function useCurrentSection(): string {
  const [current, setCurrent] = useState(DOC_ANCHORS[0].id);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCurrent(currentAnchor()));
    };
    update();
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    window.addEventListener("hashchange", update);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", update);
      window.removeEventListener("resize", update);
      window.removeEventListener("hashchange", update);
    };
  }, []);
  return current;
}
