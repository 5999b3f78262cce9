import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { AUTO_CANDIDATES } from "@/lib/providers/catalog/openrouter-ids";
import { C, DefinitionRows, DocSection, Note, Prose, Snippets, SubHeading } from "../doc-parts";

const ID_EXAMPLES = [
  { key: "claude", name: "anthropic/claude-sonnet-4.5", text: "Anthropic's claude-sonnet-4-5 (dotted versions become Anthropic's dashed ids)." },
  { key: "llama", name: "meta-llama/llama-3.3-70b-instruct", text: "Groq's llama-3.3-70b-versatile, Together's meta-llama/Llama-3.3-70B-Instruct-Turbo or Workers AI's fp8-fast, whichever you have." },
  { key: "grok", name: "x-ai/grok-4", text: "xAI's grok-4: an author's own provider serves its models under the same name (mistralai/ → Mistral, x-ai/ → xAI)." },
  { key: "oss", name: "openai/gpt-oss-120b", text: "Groq, Together or Workers AI: the alias table says where a model is served, not its author's prefix." },
  { key: "auto", name: "openrouter/auto", text: "OpenRouter's Auto Router through an OpenRouter credential; see below without one." },
];

const VARIANTS = [
  { key: "thinking", name: ":thinking", text: "Turns reasoning on (as reasoning: { enabled: true }) unless the request sets reasoning itself." },
  { key: "online", name: ":online", text: "Web search with the provider's own search, as described under Web search." },
  { key: "floor", name: ":floor", text: "provider.sort = price: your providers for the model are tried cheapest first, by the catalog's input plus output price." },
  { key: "nitro", name: ":nitro", text: "provider.sort = throughput: tried fastest first, by how long each of your credentials took to start answering this model recently (measured by this server; credentials not measured yet come after)." },
  { key: "free", name: ":free, :exacto", text: "OpenRouter's free endpoints and its tool-calling-vetted providers: only an OpenRouter credential can serve them; without one, 400 saying so." },
  { key: "preset", name: "@preset/… and preset", text: "Presets are saved at OpenRouter: only an OpenRouter credential can use them; without one, 400." },
];

const PREFERENCES = [
  { key: "order", name: "order", text: "The providers named are tried first, in that order; the others after (unless allow_fallbacks is false)." },
  { key: "only", name: "only", text: "Only the providers named." },
  { key: "ignore", name: "ignore", text: "Never the providers named." },
  { key: "allow_fallbacks", name: "allow_fallbacks", text: "false: with order, only the providers it names; without, only the first provider (your credentials for it are still all tried)." },
  { key: "sort", name: "sort", text: "price, throughput or latency, as :floor and :nitro (throughput and latency both order by measured time to first byte)." },
  { key: "require_parameters", name: "require_parameters", text: "Only providers that take every parameter the request sets (Anthropic has no seed or penalties, Gemini no logit_bias, …)." },
  { key: "max_price", name: "max_price", text: "prompt and completion in USD per million tokens, against the catalog's prices; a model the catalog does not price is kept." },
  { key: "other", name: "data_collection, zdr, quantizations, …", text: "Sent to an OpenRouter credential only: at a provider you call directly, your own account's terms with it apply." },
];

const SEARCH = [
  { key: "anthropic", name: "Anthropic", text: "Its web search tool (web_search_20250305), with allowed_domains, excluded_domains (as blocked_domains) and user_location. Claude decides when to search." },
  { key: "google", name: "Google Gemini", text: "Grounding with Google Search (the google_search tool); Gemini decides when to search." },
  { key: "openai", name: "OpenAI", text: "Its search models in Chat Completions: gpt-4o, gpt-4o-mini and gpt-5 are sent as gpt-4o-search-preview, gpt-4o-mini-search-preview and gpt-5-search-api, with search_context_size and user_location. These take no tools (400) and no temperature, top_p or penalties (left out)." },
  { key: "openrouter", name: "OpenRouter", text: "Everything as sent: :online, the web plugin (max_results, search_prompt, engine) and the server tool." },
  { key: "custom", name: "Custom endpoints", text: "web_search_options (search_context_size, user_location) as sent." },
  { key: "others", name: "Groq, Mistral, xAI, DeepSeek, Together, Cohere, Workers AI", text: "No web search here: 400 saying so (or the next provider or model that has one)." },
];

export function OpenRouterSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const auto = [...new Set(AUTO_CANDIDATES.map((c) => `${c.provider}/${c.model}`))].join(", ");
  return (
    <DocSection id="openrouter" title="OpenRouter compatibility" lead="A request written for OpenRouter works unchanged with your token: its model ids, variants, provider preferences, transforms, web search and headers each get the meaning they can have over your own credentials, and an OpenRouter credential of yours receives them exactly as sent.">
      <SubHeading id="openrouter-ids">Model ids</SubHeading>
      <Prose>
        OpenRouter&apos;s ids go to the provider and model your own credentials can serve, your direct providers first, then your OpenRouter credential with the id unchanged (our own spellings, such as <C>anthropic/claude-sonnet-4-5</C>, go to OpenRouter under its id).
        <C> GET /v1/models</C> lists the OpenRouter ids your credentials can serve beside our own.
      </Prose>
      <DefinitionRows label="OpenRouter ids and where they go" rows={ID_EXAMPLES} />
      <Prose>
        <C>openrouter/auto</C> without an OpenRouter credential (or when it fails): the first of {auto} that you have a credential for, the others after it as fallbacks. With none of those either, the answer is a 400 saying so.
      </Prose>

      <SubHeading id="openrouter-variants">Variants</SubHeading>
      <Prose>Variants follow the id and combine (<C>openai/gpt-oss-20b:free:online</C>); an OpenRouter credential receives them as written. Other colons stay part of the model name, as in a local server&apos;s <C>llama3.1:8b</C>.</Prose>
      <DefinitionRows label="Variants" rows={VARIANTS} />

      <SubHeading id="provider-preferences">Provider preferences</SubHeading>
      <Prose>
        The <C>provider</C> object applies to your providers for each model: the direct ones, and your OpenRouter credential, which stands for OpenRouter&apos;s own list and receives the object verbatim (so it is left out only by <C>ignore: [&quot;OpenRouter&quot;]</C>, or by <C>allow_fallbacks: false</C> without <C>order</C> when another provider comes first).
        Name providers as OpenRouter does (<C>Anthropic</C>, <C>OpenAI</C>, <C>Google AI Studio</C>, <C>Together</C>, <C>xAI</C>, …) or by our ids. When the preferences leave no provider, the answer is a 503 (<C>no_provider</C>) saying which preference left out which provider.
      </Prose>
      <DefinitionRows label="Provider preferences" rows={PREFERENCES} />
      <Snippets items={[api.chatProviderPreferences]} />

      <SubHeading id="middle-out">Middle-out</SubHeading>
      <Prose>
        <C>transforms: [&quot;middle-out&quot;]</C> fits a prompt longer than the model&apos;s context (the catalog&apos;s context length, less <C>max_tokens</C> or 4096, at most half): messages are dropped from the middle of the conversation (system messages, the first message and the last stay; a tool call leaves with its results), then text from the middle of the longest message.
        A conversation of more messages than the provider takes (Anthropic: 1000) keeps half from its start and half from its end. It is on by default for models of 8k context or less; <C>transforms: []</C> turns it off. Tokens are estimated with OpenAI&apos;s tokenizer; a model the catalog does not know is left as sent. An OpenRouter credential receives <C>transforms</C> and applies it itself.
      </Prose>
      <Snippets items={[api.chatMiddleOut]} />

      <SubHeading id="web-search">Web search</SubHeading>
      <Prose>
        <C>:online</C>, the <C>web</C> plugin (<C>plugins: [{"{ id: \"web\" }"}]</C>), the <C>openrouter:web_search</C> server tool and OpenAI&apos;s <C>web_search_options</C> all ask for the provider&apos;s own server-side search.
        The sources come back as <C>message.annotations</C> (<C>delta.annotations</C> when streaming): <C>{"{ type: \"url_citation\", url_citation: { url, title, start_index, end_index } }"}</C>, the indexes marking the cited text in the answer.
        The plugin&apos;s <C>max_results</C> and <C>search_prompt</C>, and search engines other than native (Exa, Firecrawl, Parallel), exist at OpenRouter only.
      </Prose>
      <DefinitionRows label="Web search by provider" rows={SEARCH} mono={false} />
      <Snippets items={[api.chatWebSearch]} />

      <SubHeading id="attribution">App attribution</SubHeading>
      <Prose>
        <C>HTTP-Referer</C>, <C>X-Title</C>, <C>X-OpenRouter-Title</C> and <C>X-OpenRouter-Categories</C> are passed on to an OpenRouter credential, for its app rankings; no other provider receives them.
      </Prose>
      <Snippets items={[api.chatAttribution]} />
      <Note>Fallbacks with <C>models[]</C> work as on OpenRouter: any error of a model moves on to the next one (see Chat completions).</Note>
    </DocSection>
  );
}
