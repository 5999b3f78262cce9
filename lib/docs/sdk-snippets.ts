import { PLACEHOLDERS } from "./curl";
import type { DocsHosts } from "./hosts";
import type { Snippet } from "./api-snippets";

const TOKEN = PLACEHOLDERS.token;
const MODEL = "anthropic/claude-sonnet-4-5";

/** SDK, framework and CLI setups, written for our configured host. */
export function sdkSnippets({ apiUrl }: DocsHosts) {
  const base = `${apiUrl}/v1`;
  return {
    pythonOpenAi: {
      label: "Python (OpenAI SDK)",
      code: `from openai import OpenAI

client = OpenAI(api_key="${TOKEN}", base_url="${base}", timeout=120)
resp = client.chat.completions.create(
    model="${MODEL}",
    messages=[{"role": "user", "content": "Hello!"}],
)
print(resp.choices[0].message.content)`,
    },
    pythonStream: {
      label: "Python, streaming",
      code: `stream = client.chat.completions.create(
    model="openai/gpt-4o",
    messages=[{"role": "user", "content": "Write a poem."}],
    stream=True,
)
for chunk in stream:
    print(chunk.choices[0].delta.content or "", end="", flush=True)`,
    },
    nodeOpenAi: {
      label: "Node.js / TypeScript (OpenAI SDK)",
      code: `import OpenAI from "openai";

const client = new OpenAI({ apiKey: "${TOKEN}", baseURL: "${base}", timeout: 120_000 });
const resp = await client.chat.completions.create({
  model: "${MODEL}",
  messages: [{ role: "user", content: "Hello!" }],
});
console.log(resp.choices[0].message.content);`,
    },
    litellm: {
      label: "LiteLLM",
      code: `import litellm

response = litellm.completion(
    model="openai/${MODEL}",  # "openai/" tells LiteLLM to speak the OpenAI API
    api_base="${base}",
    api_key="${TOKEN}",
    messages=[{"role": "user", "content": "Hello!"}],
)`,
    },
    langchainPython: {
      label: "LangChain (Python)",
      code: `from langchain_openai import ChatOpenAI

llm = ChatOpenAI(base_url="${base}", api_key="${TOKEN}", model="${MODEL}")
print(llm.invoke("Hello!").content)`,
    },
    langchainJs: {
      label: "LangChain.js",
      code: `import { ChatOpenAI } from "@langchain/openai";

const llm = new ChatOpenAI({ model: "${MODEL}", apiKey: "${TOKEN}", configuration: { baseURL: "${base}" } });
console.log((await llm.invoke("Hello!")).content);`,
    },
    anthropicSdk: {
      label: "Anthropic SDK (TypeScript)",
      code: `import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic({ apiKey: "${TOKEN}", baseURL: "${apiUrl}" });
const message = await client.messages.create({
  model: "claude-sonnet-4-5",  // or any provider/model, e.g. "openai/gpt-4o"
  max_tokens: 1024,
  messages: [{ role: "user", content: "Hello!" }],
});`,
    },
    anthropicPython: {
      label: "Anthropic SDK (Python)",
      code: `import anthropic

client = anthropic.Anthropic(api_key="${TOKEN}", base_url="${apiUrl}")
message = client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": "Hello!"}])`,
    },
    claudeCode: {
      label: "Claude Code",
      code: `export ANTHROPIC_BASE_URL=${apiUrl}
export ANTHROPIC_AUTH_TOKEN=${TOKEN}    # or ANTHROPIC_API_KEY=${TOKEN}
claude`,
    },
    claudeCodePassThrough: {
      label: "Claude Code, signed in with your own Claude account",
      code: `export ANTHROPIC_BASE_URL=${apiUrl}
export ANTHROPIC_CUSTOM_HEADERS="x-oauthrouter-key: ${TOKEN}"
claude    # your Claude login is forwarded to Anthropic untouched; we count and chart`,
    },
    geminiCli: {
      label: "Gemini CLI",
      code: `export GOOGLE_GEMINI_BASE_URL=${apiUrl}
export GEMINI_API_KEY=${TOKEN}
gemini`,
    },
    genaiJs: {
      label: "Google GenAI SDK (TypeScript)",
      code: `import { GoogleGenAI } from "@google/genai";

const ai = new GoogleGenAI({ apiKey: "${TOKEN}", httpOptions: { baseUrl: "${apiUrl}" } });
const resp = await ai.models.generateContent({ model: "gemini-2.5-flash", contents: "Hello!" });
console.log(resp.text);`,
    },
    genaiPython: {
      label: "Google GenAI SDK (Python)",
      code: `from google import genai

client = genai.Client(api_key="${TOKEN}", http_options={"base_url": "${apiUrl}"})
print(client.models.generate_content(model="gemini-2.5-flash", contents="Hello!").text)`,
    },
    continueConfig: {
      label: "Continue (config.yaml)",
      code: `models:
  - name: Claude Sonnet 4.5 (OauthRouter)
    provider: openai
    model: ${MODEL}
    apiBase: ${base}
    apiKey: ${TOKEN}`,
    },
    libreChatConfig: {
      label: "LibreChat (librechat.yaml)",
      code: `endpoints:
  custom:
    - name: "OauthRouter"
      apiKey: "${TOKEN}"
      baseURL: "${base}"
      models:
        default: ["${MODEL}", "openai/gpt-4o"]
        fetch: true`,
    },
    openWebUi: {
      label: "Open WebUI (Docker)",
      code: `docker run -d -p 8080:8080 \\
  -e OPENAI_API_BASE_URL=${base} \\
  -e OPENAI_API_KEY=${TOKEN} \\
  ghcr.io/open-webui/open-webui:main`,
    },
  } satisfies Record<string, Snippet>;
}

/** GUI tools that take an OpenAI-compatible provider, and where its settings live. */
export const GUI_TOOLS = [
  { name: "Cursor", where: "Settings → Models: paste the token as OpenAI API Key, turn on Override OpenAI Base URL, add the model id (e.g. anthropic/claude-sonnet-4-5)." },
  { name: "Cline", where: "API Provider: OpenAI Compatible; Base URL, API Key and Model ID as below." },
  { name: "Continue", where: "config.yaml: a model with provider openai and apiBase (example below)." },
  { name: "Open WebUI", where: "Admin Settings → Connections → OpenAI API: the base URL and the token (or the environment variables below)." },
  { name: "LibreChat", where: "librechat.yaml: a custom endpoint (example below); fetch: true lists your models." },
] as const;
