import { CodeBlock } from "@/components/code-block";
import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { providerRegistry } from "@/lib/providers/registry";
import { C, DocSection, Endpoint, Prose, Snippets } from "../doc-parts";

const RESPONSE = `{
  "object": "list",
  "data": [{ "object": "embedding", "index": 0, "embedding": [0.0023, -0.0091, 0.0152] }],
  "model": "text-embedding-3-small",
  "usage": { "prompt_tokens": 5, "total_tokens": 5 }
}`;

export function EmbeddingsSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const providers = providerRegistry.filter((provider) => provider.embeddings).map((provider) => provider.name);
  return (
    <DocSection id="embeddings" title="Embeddings" lead="OpenAI's embeddings API, routed like chat: your credentials, your strategy, fallbacks on failure.">
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1/embeddings`} />
      <Prose>
        <C>input</C> is a string or up to 2,048 strings; <C>dimensions</C>, <C>encoding_format</C> (<C>float</C> or <C>base64</C>) and <C>input_type</C> (Cohere, Gemini) are passed on.
        Providers with embeddings: {providers.join(", ")}. Embeddings are not counted as messages.
      </Prose>
      <Snippets items={[api.embeddings]} />
      <CodeBlock label="Response" code={RESPONSE} copy={false} />
    </DocSection>
  );
}
