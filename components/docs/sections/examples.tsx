import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { GUI_TOOLS, sdkSnippets } from "@/lib/docs/sdk-snippets";
import { PLACEHOLDERS } from "@/lib/docs/curl";
import { C, DefinitionRows, DocSection, Note, Prose, Snippets, SubHeading } from "../doc-parts";

export function ExamplesSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const sdk = sdkSnippets(hosts);
  const settings = [
    { key: "type", name: "Provider type", text: "OpenAI-compatible (or Custom OpenAI)" },
    { key: "base", name: "Base URL", text: <C>{`${hosts.apiUrl}/v1`}</C> },
    { key: "key", name: "API key", text: <C>{PLACEHOLDERS.token}</C> },
    { key: "model", name: "Model", text: <><C>anthropic/claude-sonnet-4-5</C> or any id from GET /v1/models</> },
  ];
  return (
    <DocSection id="examples" title="SDKs and tools" lead="Anything that speaks OpenAI's, Anthropic's or Google's API works: change the base URL and the key.">
      <SubHeading id="examples-openai">cURL and the OpenAI SDKs</SubHeading>
      <Snippets items={[api.chatBasic, sdk.pythonOpenAi, sdk.nodeOpenAi]} />
      <SubHeading id="examples-frameworks">LiteLLM and LangChain</SubHeading>
      <Snippets items={[sdk.litellm, sdk.langchainPython, sdk.langchainJs]} />
      <SubHeading id="examples-claude-code">Claude Code and the Anthropic SDK</SubHeading>
      <Prose>
        Requests go out through the Anthropic credentials you added in Providers: API keys, or Claude subscription tokens (<C>sk-ant-oat…</C>), whose use is subject to your subscription&apos;s terms.
        To stay signed in with your own Claude account instead, send our token in <C>x-oauthrouter-key</C>: your credential is forwarded to Anthropic untouched and never stored.
      </Prose>
      <Snippets items={[sdk.claudeCode, sdk.claudeCodePassThrough, sdk.anthropicPython]} />
      <SubHeading id="examples-gemini">Gemini CLI and the Google GenAI SDK</SubHeading>
      <Snippets items={[sdk.geminiCli, sdk.genaiPython]} />
      <SubHeading id="examples-gui">Cursor, Cline, Continue, Open WebUI, LibreChat</SubHeading>
      <Prose>GUI tools take an OpenAI-compatible provider with these settings:</Prose>
      <DefinitionRows label="OpenAI-compatible provider settings" rows={settings} mono={false} />
      <DefinitionRows label="Where each tool keeps them" rows={GUI_TOOLS.map((tool) => ({ key: tool.name, name: tool.name, text: tool.where }))} mono={false} />
      <Snippets items={[sdk.continueConfig, sdk.libreChatConfig, sdk.openWebUi]} />
      <Note>The full API is described in <a href={`${hosts.publicUrl}/openapi.json`} className="underline">{`${hosts.publicUrl}/openapi.json`}</a> (OpenAPI 3.1), for code generators and API clients.</Note>
      <Snippets items={[api.openapi]} />
    </DocSection>
  );
}
