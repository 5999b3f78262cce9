"use client";

import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/** The Clipboard API needs a secure context; plain-http hosts fall back to a hidden textarea. */
async function writeClipboard(value: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(value);
  const area = Object.assign(document.createElement("textarea"), { value, readOnly: true });
  area.style.cssText = "position:fixed;opacity:0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

/** Copies `value`; the value also sits in `data-copy-value` so scripts and tests can read it. */
export function CopyButton({ value, label = "Copy", className = "btn btn-secondary btn-sm min-w-[4.75rem]" }: { value: string; label?: string; className?: string }) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      data-copy-value={value}
      aria-live="polite"
      onClick={() => writeClipboard(value).then(() => setState("copied"), () => setState("failed"))}
      className={`${className} shrink-0`}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Press Ctrl+C" : label}
    </button>
  );
}
