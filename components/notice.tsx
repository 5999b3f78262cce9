import type { ReactNode } from "react";

const TONES = {
  error: "border-red-200 bg-red-50 text-red-700 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300",
  warning: "border-amber-200 bg-amber-50 text-amber-800 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
  info: "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300",
};

/** A boxed message in one of four tones; errors are announced at once, the rest politely. */
export function Notice({ tone, children, testId, className = "" }: { tone: keyof typeof TONES; children: ReactNode; testId?: string; className?: string }) {
  return (
    <p role={tone === "error" ? "alert" : "status"} data-testid={testId} className={`rounded-md border px-3 py-2 text-sm break-words ${TONES[tone]} ${className}`}>
      {children}
    </p>
  );
}
