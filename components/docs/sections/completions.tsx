import { CodeBlock } from "@/components/code-block";
import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { C, DocSection, Endpoint, Note, Prose, Snippets } from "../doc-parts";

const RESPONSE = `{
  "id": "gen-01JZ8M4Q3V5W7X9Y2A4B6C8D0E",
  "object": "text_completion",
  "created": 1767225600,
  "model": "gpt-4o-2024-08-06",
  "provider": "openai",
  "choices": [{ "text": "Waves fold into foam…", "index": 0, "logprobs": null, "finish_reason": "stop" }],
  "usage": { "prompt_tokens": 14, "completion_tokens": 17, "total_tokens": 31 }
}`;

export function CompletionsSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  return (
    <DocSection id="completions" title="Completions (legacy)" lead="OpenAI's older text completions API, for clients that still send a prompt instead of messages. Any chat model serves it.">
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1/completions`} note="also /api/v1/completions" />
      <Prose>
        The <C>prompt</C> becomes the user message of a chat request, and the assistant&apos;s answer comes back as the choice&apos;s <C>text</C>. Every chat field works as on chat completions
        (<C>model</C>, <C>models</C>, <C>max_tokens</C>, <C>temperature</C>, <C>stop</C>, <C>n</C>, …). With <C>stream: true</C> the answer arrives as <C>text_completion</C> events, usage on the last, then <C>data: [DONE]</C>.
        A list of up to 20 prompts is answered in one response (choice index = prompt × n + choice), each prompt a request of its own: counted as a message, limited and recorded like any chat request. <C>echo: true</C> puts the prompt before the text.
      </Prose>
      <Snippets items={[api.completion, api.completionStream]} />
      <CodeBlock label="Response" code={RESPONSE} copy={false} />
      <Note>
        What a chat model cannot do is refused with a 400 naming the field: token-array prompts, <C>suffix</C>, <C>best_of</C> above 1, <C>logprobs</C>, and streaming several prompts at once.
        A chat model answers a prompt as a message rather than continuing its text.
      </Note>
    </DocSection>
  );
}
