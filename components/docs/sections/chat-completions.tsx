import { CodeBlock } from "@/components/code-block";
import { apiSnippets } from "@/lib/docs/api-snippets";
import { CHAT_FIELDS } from "@/lib/docs/chat-fields";
import type { DocsHosts } from "@/lib/docs/hosts";
import { sdkSnippets } from "@/lib/docs/sdk-snippets";
import { C, DefinitionRows, DocSection, Endpoint, Note, Prose, Snippets, SubHeading } from "../doc-parts";

const RESPONSE = `{
  "id": "gen-01JZ8M4Q3V5W7X9Y2A4B6C8D0E",
  "object": "chat.completion",
  "created": 1767225600,
  "model": "claude-sonnet-4-5-20250929",
  "provider": "anthropic",
  "choices": [{
    "index": 0,
    "message": { "role": "assistant", "content": "Hello! How can I help?" },
    "finish_reason": "stop",
    "native_finish_reason": "end_turn"
  }],
  "usage": { "prompt_tokens": 18, "completion_tokens": 9, "total_tokens": 27 }
}`;

const STREAM = `data: {"id":"gen-…","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Roses"},"finish_reason":null}]}

: OAUTHROUTER PROCESSING

data: {"id":"gen-…","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

data: {"id":"gen-…","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":96,"total_tokens":108}}

data: [DONE]`;

function fieldKind(field: (typeof CHAT_FIELDS)[number]) {
  return [field.type, field.required ? "required" : null, field.default ? `default ${field.default}` : null].filter(Boolean).join(" · ");
}

export function ChatCompletionsSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const sdk = sdkSnippets(hosts);
  const rows = CHAT_FIELDS.map((field) => ({ key: field.name, name: field.name, kind: fieldKind(field), text: field.description }));
  return (
    <DocSection id="chat-completions" title="Chat completions" lead="OpenAI's chat completions API, in front of every provider you configured: requests are translated to each provider's own API, and answers back to OpenAI's shape.">
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1/chat/completions`} />
      <Snippets items={[api.chatBasic]} />
      <CodeBlock label="Response" code={RESPONSE} copy={false} />
      <Prose>
        Every answer has the headers <C>x-generation-id</C> (the request&apos;s record at <C>GET /api/v1/generation?id=</C>), <C>x-oauthrouter-provider</C> and <C>x-oauthrouter-model</C>.
        <C> finish_reason</C> is normalised to stop, length, tool_calls, content_filter or error; the provider&apos;s own value is in <C>native_finish_reason</C>.
      </Prose>
      <Snippets items={[api.generation]} />

      <SubHeading id="chat-fields">Request fields</SubHeading>
      <Prose>
        Fields not listed here (<C>logit_bias</C>, <C>logprobs</C>, …) are passed as sent to providers that speak OpenAI&apos;s API and dropped for the others. Fields a provider cannot take are left out for it rather than failing the request.
      </Prose>
      <DefinitionRows label="Chat completion request fields" rows={rows} />

      <SubHeading id="streaming">Streaming</SubHeading>
      <Prose>
        With <C>stream: true</C> the answer is server-sent events: one <C>chat.completion.chunk</C> per delta, then <C>data: [DONE]</C>. While a slow model thinks, comment lines keep proxies from closing the connection; SSE clients ignore them.
        If the provider fails after the first byte, the last chunk carries an <C>error</C> object and finish_reason <C>error</C>.
      </Prose>
      <Snippets items={[api.chatStream, sdk.pythonStream]} />
      <CodeBlock label="What arrives" code={STREAM} copy={false} />

      <SubHeading id="tools">Tool calling</SubHeading>
      <Prose>
        OpenAI&apos;s function tools work with every provider that supports tools. The model answers with <C>tool_calls</C> and finish_reason <C>tool_calls</C>; send the results back as <C>role: &quot;tool&quot;</C> messages with the matching <C>tool_call_id</C>.
      </Prose>
      <Snippets items={[api.chatTools]} />

      <SubHeading id="structured-outputs">Structured outputs</SubHeading>
      <Prose>
        <C>response_format</C> with <C>json_schema</C> asks for JSON matching your schema (OpenAI, Gemini and others enforce it natively); <C>json_object</C> asks for any JSON object.
      </Prose>
      <Snippets items={[api.chatStructured]} />

      <SubHeading id="reasoning">Reasoning</SubHeading>
      <Prose>
        <C>reasoning_effort</C> (minimal to high) or <C>reasoning</C> (<C>{"{ effort | max_tokens, exclude }"}</C>) turn on thinking: extended thinking on Anthropic, thinking budgets on Gemini, reasoning effort on OpenAI&apos;s o-series.
        The thoughts come back in <C>message.reasoning</C> (<C>delta.reasoning</C> when streaming) unless <C>exclude</C> is set; <C>reasoning_details</C> keeps the signatures to send back in the next turn.
      </Prose>
      <Snippets items={[api.chatReasoning]} />

      <SubHeading id="fallbacks">Fallbacks with models[]</SubHeading>
      <Prose>
        List up to ten models in <C>models</C> (with or without <C>model</C>): when one fails before the first byte, whatever the error of that model (provider down, rate-limited, credential refused, model not found, parameter refused), the next is tried, within <C>MAX_ATTEMPTS</C> attempts; the last one&apos;s error is returned.
        A request we refuse ourselves (invalid body, unknown model) fails at once.
        Your credentials for one provider are tried in the order of your routing strategy (latest, random, round-robin, failover, least-used) before moving on. The <C>provider</C> and <C>model</C> of the answer say who served it.
      </Prose>
      <Snippets items={[api.chatFallbacks]} />
      <Note>A request that fails before any output is not counted against your messages.</Note>
    </DocSection>
  );
}
