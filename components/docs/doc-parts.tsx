import type { ReactNode } from "react";
import { CodeBlock } from "@/components/code-block";
import type { Snippet } from "@/lib/docs/api-snippets";

export function DocSection({ id, title, lead, children }: { id: string; title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-28 border-t border-zinc-200 pt-10 first:border-t-0 first:pt-0 lg:scroll-mt-20 dark:border-zinc-800" data-doc-section={id}>
      <h2 id={`${id}-title`} className="group text-2xl font-semibold tracking-tight">
        <a href={`#${id}`} className="hover:underline">{title}</a>
      </h2>
      {lead && <p className="muted mt-3 max-w-3xl leading-relaxed">{lead}</p>}
      <div className="mt-6 space-y-5">{children}</div>
    </section>
  );
}

export function SubHeading({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h3 id={id} className="scroll-mt-28 pt-3 text-lg font-semibold lg:scroll-mt-20">
      {id ? <a href={`#${id}`} className="hover:underline">{children}</a> : children}
    </h3>
  );
}

export function Prose({ children }: { children: ReactNode }) {
  return <p className="max-w-3xl leading-relaxed text-zinc-700 dark:text-zinc-300">{children}</p>;
}

/** Inline code; short ones never break at their hyphens, long ones (URLs) wrap anywhere. */
export function C({ children }: { children: ReactNode }) {
  const short = typeof children === "string" && children.length <= 28;
  return (
    <code className={`rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200 ${short ? "whitespace-nowrap" : "[overflow-wrap:anywhere]"}`}>
      {children}
    </code>
  );
}

/** A URL that may wrap after its slashes rather than mid-word. */
function BreakableUrl({ url }: { url: string }) {
  const origin = /^https?:\/\/[^/]+/.exec(url)?.[0] ?? "";
  const parts = url.slice(origin.length).split("/");
  return <>{origin}{parts.map((part, index) => <span key={index}>{index > 0 && <>/<wbr /></>}{part}</span>)}</>;
}

/** Text whose `backticked` parts are inline code. */
export function RichText({ text }: { text: string }) {
  return <>{text.split(/`([^`]+)`/).map((part, index) => (index % 2 ? <C key={index}>{part}</C> : part))}</>;
}

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  POST: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
  PATCH: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  DELETE: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

/** An endpoint with its full URL on our host. */
export function Endpoint({ method, url, note }: { method: string; url: string; note?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900/60" data-endpoint>
      <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
      <code className="min-w-0 font-mono text-sm [overflow-wrap:anywhere]"><BreakableUrl url={url} /></code>
      {note && <span className="text-sm text-zinc-500">{note}</span>}
    </div>
  );
}

export function Snippets({ items }: { items: Snippet[] }) {
  return (
    <div className="space-y-4">
      {items.map((item) => <CodeBlock key={item.label} label={item.label} code={item.code} />)}
    </div>
  );
}

export function Note({ children }: { children: ReactNode }) {
  return (
    <p className="max-w-3xl rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm leading-relaxed text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-200">
      {children}
    </p>
  );
}

/** Rows of name, kind and explanation: a two-column grid on wide screens, stacked on a phone. */
export function DefinitionRows({ rows, label, mono = true }: { rows: Array<{ key: string; name: ReactNode; kind?: ReactNode; text: ReactNode }>; label: string; mono?: boolean }) {
  return (
    <dl aria-label={label} className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {rows.map((row) => (
        <div key={row.key} className="gap-4 px-4 py-3 sm:grid sm:grid-cols-[13rem_minmax(0,1fr)]" data-row={row.key}>
          <dt className="min-w-0">
            <div className={`text-sm font-semibold break-words ${mono ? "font-mono" : ""}`}>{row.name}</div>
            {row.kind && <div className="mt-0.5 text-xs text-zinc-500">{row.kind}</div>}
          </dt>
          <dd className="mt-1 min-w-0 text-sm leading-relaxed text-zinc-700 sm:mt-0 dark:text-zinc-300">{row.text}</dd>
        </div>
      ))}
    </dl>
  );
}
