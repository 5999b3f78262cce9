import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { sdkSnippets } from "@/lib/docs/sdk-snippets";
import { C, DocSection, Endpoint, Note, Prose, Snippets, SubHeading } from "../doc-parts";

export function NativeEndpointsSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const sdk = sdkSnippets(hosts);
  return (
    <DocSection id="native-endpoints" title="Native endpoints" lead="Anthropic's and Google's own APIs, for their SDKs, Claude Code and Gemini CLI. Any model can answer behind either; a provider that speaks the same API gets your request exactly as sent.">
      <SubHeading id="anthropic-messages">Anthropic Messages: /v1/messages</SubHeading>
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1/messages`} />
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1/messages/count_tokens`} />
      <Prose>
        Streaming, tools, thinking, images and documents, in Anthropic&apos;s shape. The token goes in <C>x-api-key</C> (or <C>Authorization: Bearer</C>); <C>anthropic-version</C> and <C>anthropic-beta</C> are passed to Anthropic.
        <C> count_tokens</C> counts locally (exact for OpenAI&apos;s tokenizer, an estimate for others) and is not counted as a message;
        it takes bodies up to 4 MB (413 past that) and 120 counts a minute per account (429 past that).
      </Prose>
      <Snippets items={[api.messages, api.messagesOtherModel, api.countTokens, sdk.anthropicSdk]} />

      <SubHeading id="gemini">Gemini: /v1beta</SubHeading>
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1beta/models/{model}:generateContent`} />
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1beta/models/{model}:streamGenerateContent`} note="?alt=sse, or one JSON array" />
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1beta/models/{model}:countTokens`} />
      <Prose>
        Google&apos;s GenerateContentRequest, camelCase or snake_case. The token goes in <C>?key=</C> or <C>x-goog-api-key</C>. The model is a Gemini name or any <C>provider/model</C>, with the slash written as <C>%2F</C>.
      </Prose>
      <Snippets items={[api.geminiGenerate, api.geminiStream, api.geminiCountTokens, sdk.genaiJs]} />
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1beta/models/{model}:embedContent`} />
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1beta/models/{model}:batchEmbedContents`} note="what models.embedContent calls" />
      <Endpoint method="GET" url={`${hosts.apiUrl}/v1beta/models`} note="?pageSize=&pageToken=" />
      <Endpoint method="GET" url={`${hosts.apiUrl}/v1beta/models/{model}`} />
      <Prose>
        Embeddings in Google&apos;s shape go to whichever of your providers offers embeddings for the model (Gemini, OpenAI, Mistral, Cohere, …): text parts only, with <C>taskType</C> and <C>outputDimensionality</C> passed on; not counted as messages.
        The models list is your models in Google&apos;s Model shape, paged as the SDK&apos;s <C>models.list</C> expects: Google&apos;s models by their own names (<C>models/gemini-2.5-flash</C>), others as <C>models/provider/model</C>.
      </Prose>
      <Snippets items={[api.geminiEmbed, api.geminiBatchEmbed, api.geminiModels]} />
      <Note>Errors on these endpoints come in Anthropic&apos;s and Google&apos;s own error shapes, so their SDKs raise their usual exceptions.</Note>
    </DocSection>
  );
}
