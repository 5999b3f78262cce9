import type { DocsHosts } from "@/lib/docs/hosts";
import { DocsNav } from "./docs-nav";
import { AppsSection } from "./sections/apps";
import { AuthenticationSection } from "./sections/authentication";
import { ChatCompletionsSection } from "./sections/chat-completions";
import { CompletionsSection } from "./sections/completions";
import { EmbeddingsSection } from "./sections/embeddings";
import { ErrorsSection } from "./sections/errors";
import { ExamplesSection } from "./sections/examples";
import { KeyManagementSection } from "./sections/key-management";
import { LimitsSection } from "./sections/limits";
import { ModelsSection } from "./sections/models";
import { NativeEndpointsSection } from "./sections/native-endpoints";
import { OpenRouterSection } from "./sections/openrouter";
import { PitfallsSection } from "./sections/pitfalls";
import { QuickstartSection } from "./sections/quickstart";
import { ResponsesSection } from "./sections/responses";

export interface DocsSettings {
  hosts: DocsHosts;
  keepAliveMs: number;
  referrerBonus: number;
  referredBonus: number;
}

/** The documentation: a contents sidebar and every section, in DOC_SECTIONS order. */
export function DocsPage({ hosts, keepAliveMs, referrerBonus, referredBonus }: DocsSettings) {
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10 lg:pt-10">
      <DocsNav openApiUrl={`${hosts.publicUrl}/openapi.json`} />
      <article className="min-w-0 space-y-14 pt-8 lg:pt-0" data-testid="docs">
        <header>
          <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">Documentation</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">OauthRouter API</h1>
        </header>
        <QuickstartSection hosts={hosts} />
        <AuthenticationSection hosts={hosts} />
        <ChatCompletionsSection hosts={hosts} />
        <ResponsesSection hosts={hosts} />
        <CompletionsSection hosts={hosts} />
        <ModelsSection hosts={hosts} />
        <OpenRouterSection hosts={hosts} />
        <EmbeddingsSection hosts={hosts} />
        <NativeEndpointsSection hosts={hosts} />
        <KeyManagementSection hosts={hosts} />
        <AppsSection hosts={hosts} />
        <ErrorsSection hosts={hosts} />
        <LimitsSection referrerBonus={referrerBonus} referredBonus={referredBonus} />
        <ExamplesSection hosts={hosts} />
        <PitfallsSection hosts={hosts} keepAliveMs={keepAliveMs} />
      </article>
    </main>
  );
}
