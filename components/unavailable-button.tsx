/**
 * A button for something this server cannot do: greyed, announced as disabled, and still focusable
 * so hovering, tapping or tabbing to it shows why (a visible tooltip, also its description).
 */
export function UnavailableButton({ id, label, reason, className = "" }: { id: string; label: string; reason: string; className?: string }) {
  const reasonId = `${id}-reason`;
  return (
    <span className={`group relative block ${className}`}>
      <button
        type="button"
        aria-disabled="true"
        aria-describedby={reasonId}
        className="btn w-full cursor-not-allowed border border-dashed border-zinc-300 bg-zinc-50 text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-500"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-current"><path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z" /></svg>
        {label}
      </button>
      <span
        role="tooltip"
        id={reasonId}
        className="invisible absolute bottom-full left-1/2 z-10 mb-2 w-60 max-w-[80vw] -translate-x-1/2 rounded-md bg-zinc-900 px-3 py-2 text-center text-xs leading-snug font-normal text-white shadow-lg group-focus-within:visible group-hover:visible dark:bg-zinc-100 dark:text-zinc-900"
      >
        {reason}
      </span>
    </span>
  );
}
