import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { sdkSnippets } from "@/lib/docs/sdk-snippets";
import { C, DocSection, Prose, Snippets } from "../doc-parts";

function BaseUrl({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-lg border border-zinc-200 px-3 py-2 sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
      <span className="text-sm text-zinc-500">{label}</span>
      <span className="flex min-w-0 items-center gap-2">
        <code className="min-w-0 font-mono text-sm break-all" data-testid={testId}>{value}</code>
        <CopyButton value={value} className="rounded px-2 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950" />
      </span>
    </div>
  );
}

export function QuickstartSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const sdk = sdkSnippets(hosts);
  return (
    <DocSection id="quickstart" title="Quickstart" lead="OauthRouter is one OpenAI-compatible API in front of the provider accounts you already have. Three steps, then any OpenAI SDK or tool works with two settings changed.">
      <ol className="max-w-3xl list-decimal space-y-2 pl-5 leading-relaxed text-zinc-700 dark:text-zinc-300">
        <li><Link href="/signup" className="link">Sign up</Link>: the free plan has 100 messages a month.</li>
        <li>Add a credential in <Link href="/dashboard/providers" className="link">Providers</Link>: an API key, or an OAuth token such as Claude Code&apos;s <C>sk-ant-oat…</C>. It is encrypted at rest.</li>
        <li>Copy your <C>lr_live_</C> token from <Link href="/dashboard/api" className="link">My API</Link>.</li>
      </ol>
      <div className="grid max-w-3xl gap-2">
        <BaseUrl label="OpenAI base URL" value={`${hosts.apiUrl}/v1`} testId="docs-base-url" />
        <BaseUrl label="Anthropic and Gemini base URL" value={hosts.apiUrl} testId="docs-native-base-url" />
      </div>
      <Prose>Send your first request. Models are <C>provider/model</C> or a bare model name:</Prose>
      <Snippets items={[api.chatBasic, sdk.pythonOpenAi, sdk.nodeOpenAi]} />
    </DocSection>
  );
}
