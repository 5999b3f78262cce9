import { CopyButton } from "./copy-button";

/** `shown` is what the block displays when it differs from what Copy copies (a masked token). */
export function CodeBlock({ code, shown = code, label, copy = true }: { code: string; shown?: string; label?: string; copy?: boolean }) {
  return (
    <figure className="overflow-hidden rounded-lg border border-zinc-200 shadow-sm dark:border-zinc-800">
      {(label || copy) && (
        <figcaption className="flex items-center justify-between gap-2 border-b border-zinc-800 bg-zinc-900 px-3 py-1.5 text-xs font-medium text-zinc-400">
          <span>{label}</span>
          {copy && <CopyButton value={code} className="rounded px-2 py-0.5 text-xs font-medium text-zinc-300 hover:bg-zinc-800 hover:text-white" />}
        </figcaption>
      )}
      <pre className="overflow-x-auto bg-zinc-950 p-4 font-mono text-[13px] leading-relaxed text-zinc-100 sm:text-sm">
        <code>{shown}</code>
      </pre>
    </figure>
  );
}
