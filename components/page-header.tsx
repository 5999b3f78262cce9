import type { ReactNode } from "react";

/** Every dashboard page opens the same way: its name and one line on what it is for. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children && <p className="muted mt-1 text-sm">{children}</p>}
    </header>
  );
}
