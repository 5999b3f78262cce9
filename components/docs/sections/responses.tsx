import { CodeBlock } from "@/components/code-block";
import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { responsesSnippets } from "@/lib/docs/responses-snippets";
import { C, DocSection, Endpoint, Note, Prose, Snippets, SubHeading } from "../doc-parts";

const STREAM = `event: response.created
data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_…","status":"in_progress",…}}

event: response.output_item.added
data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_…","type":"message",…}}

event: response.output_text.delta
data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_…","output_index":0,"content_index":0,"delta":"Routers"}

event: response.completed
data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_…","status":"completed","output":[…],"usage":{…}}}`;

export function ResponsesSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const snippets = responsesSnippets(hosts);
  return (
    <DocSection id="responses" title="Responses API" lead="OpenAI's newer API, spoken by the Codex CLI, the Agents SDK and responses.create in the official SDKs, with every model your credentials reach.">
      <Endpoint method="POST" url={`${hosts.apiUrl}/v1/responses`} />
      <Endpoint method="GET" url={`${hosts.apiUrl}/v1/responses/{response_id}`} />
      <Endpoint method="DELETE" url={`${hosts.apiUrl}/v1/responses/{response_id}`} />
      <Endpoint method="GET" url={`${hosts.apiUrl}/v1/responses/{response_id}/input_items`} />
      <Prose>
        <C>input</C> (a string or items: messages with text, images and files, <C>function_call_output</C>, <C>reasoning</C>), <C>instructions</C>, function <C>tools</C> and the
        <C> web_search</C> tool, <C>tool_choice</C>, <C>text.format</C>, <C>reasoning.effort</C>, <C>max_output_tokens</C> and <C>stream</C> work with any model.
        OpenAI models get your request exactly as sent, so OpenAI&apos;s own tools and models that exist only on the Responses API work too; a custom endpoint that has <C>/responses</C> does as well.
        Each response is one message and one row in Usage.
      </Prose>
      <Snippets items={[api.responsesCreate, api.responsesStream, snippets.node, snippets.python]} />
      <CodeBlock label="Stream" code={STREAM} copy={false} />
      <SubHeading id="responses-state">Conversation state</SubHeading>
      <Prose>
        With <C>store</C> (the default) a response is kept for 30 days, for your account only: send its id as <C>previous_response_id</C> to continue the conversation with any model,
        read it back with GET, list what it was generated from with <C>input_items</C>, or DELETE it. <C>store: false</C> keeps nothing but the usage row; then send the output items back in
        <C> input</C> yourself, as Codex does. An input over 4 MB cannot be stored: send it with <C>store: false</C>.
      </Prose>
      <Snippets items={[api.responsesGet]} />
      <SubHeading id="codex">Codex CLI</SubHeading>
      <Prose>Add OauthRouter as a model provider speaking the Responses API, with your token in an environment variable:</Prose>
      <Snippets items={[snippets.codex, snippets.codexRun]} />
      <SubHeading id="agents-sdk">OpenAI Agents SDK</SubHeading>
      <Snippets items={[snippets.agentsPython, snippets.agentsNode]} />
      <Note>Reasoning from other providers comes back as <C>reasoning</C> items with a summary; their <C>encrypted_content</C> carries what the model needs (its signatures) when you send the item back.</Note>
    </DocSection>
  );
}
