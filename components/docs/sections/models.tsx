import { CodeBlock } from "@/components/code-block";
import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { providerRegistry } from "@/lib/providers/registry";
import { C, DefinitionRows, DocSection, Endpoint, Prose, Snippets } from "../doc-parts";

const EXAMPLE_IDS: Record<string, string> = {
  anthropic: "claude-opus-4-6, claude-sonnet-4-5, claude-haiku-4-5",
  openai: "gpt-4o, gpt-4o-mini, o1, o1-mini",
  google: "gemini-2.5-pro, gemini-2.5-flash, gemini-2.0-flash",
  mistral: "mistral-large-latest, mistral-medium-latest, codestral-latest",
  groq: "llama-3.3-70b-versatile, llama-3.1-8b-instant, gemma2-9b-it",
  xai: "grok-3, grok-3-mini",
  deepseek: "deepseek-chat, deepseek-reasoner",
  together: "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo, Qwen/Qwen2.5-72B-Instruct-Turbo",
  cohere: "command-r-plus, command-r",
  "cloudflare-ai": "@cf/meta/llama-3.1-8b-instruct",
  openrouter: "any OpenRouter model, e.g. meta-llama/llama-3.3-70b-instruct",
  custom: "whatever your OpenAI-compatible endpoint serves",
};

const LIST = `{
  "object": "list",
  "data": [{
    "id": "anthropic/claude-sonnet-4-5",
    "object": "model",
    "created": 1735689600,
    "owned_by": "anthropic",
    "name": "Claude Sonnet 4.5",
    "provider": "anthropic",
    "context_length": 200000,
    "pricing": { "prompt": "3", "completion": "15" }
  }]
}`;

export function ModelsSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const rows = providerRegistry.map((provider) => ({ key: provider.id, name: `${provider.id}/`, kind: provider.name, text: EXAMPLE_IDS[provider.id] ?? "" }));
  return (
    <DocSection id="models" title="Models" lead="Model ids are provider/model, or a bare model name that the catalog knows. With your token, the list shows what you can actually call.">
      <Endpoint method="GET" url={`${hosts.apiUrl}/v1/models`} />
      <Endpoint method="GET" url={`${hosts.apiUrl}/v1/models/{id}`} note="the id may contain slashes" />
      <Prose>
        With a token: the catalog&apos;s models of the providers you have credentials for (and this token may use), plus whatever those providers list for your account, custom endpoints included.
        Without a token: the whole catalog, for tools that discover models. <C>pricing</C> is the provider&apos;s price in USD per million tokens; you pay it to them, not to us.
      </Prose>
      <Snippets items={[api.modelsList, api.modelsCatalog, api.modelGet]} />
      <CodeBlock label="Response" code={LIST} copy={false} />
      <DefinitionRows label="Providers and example model ids" rows={rows} />
      <Prose>
        A <C>provider/model</C> id goes to that provider as written, even when the catalog does not know the model yet. A bare name goes to every configured provider that serves it, in your routing order.
        OpenRouter&apos;s ids (<C>anthropic/claude-sonnet-4.5</C>, <C>meta-llama/llama-3.3-70b-instruct</C>, <C>openrouter/auto</C>) work too, and are listed beside ours: see <a className="underline" href="#openrouter">OpenRouter compatibility</a>.
      </Prose>
    </DocSection>
  );
}
