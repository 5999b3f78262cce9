import type { DocsHosts } from "@/lib/docs/hosts";
import { pitfalls } from "@/lib/docs/pitfalls";
import { apiSnippets } from "@/lib/docs/api-snippets";
import { DocSection, Prose, RichText, Snippets } from "../doc-parts";

export function PitfallsSection({ hosts, keepAliveMs }: { hosts: DocsHosts; keepAliveMs: number }) {
  const api = apiSnippets(hosts);
  return (
    <DocSection id="pitfalls" title="Common pitfalls">
      <ul className="max-w-3xl space-y-4">
        {pitfalls(hosts, keepAliveMs).map((item) => (
          <li key={item.title}>
            <p className="font-semibold">{item.title}</p>
            <p className="mt-1 leading-relaxed text-zinc-700 dark:text-zinc-300"><RichText text={item.text} /></p>
          </li>
        ))}
      </ul>
      <Prose>Running the server yourself? Prometheus metrics are at /metrics once METRICS_TOKEN is set:</Prose>
      <Snippets items={[api.metrics]} />
    </DocSection>
  );
}
