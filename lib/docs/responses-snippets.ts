import type { Snippet } from "./api-snippets";
import { PLACEHOLDERS } from "./curl";
import type { DocsHosts } from "./hosts";

const TOKEN = PLACEHOLDERS.token;
const MODEL = "anthropic/claude-sonnet-4-5";

/** The Responses API from the OpenAI SDKs, the Codex CLI and the Agents SDK, written for our configured host. */
export function responsesSnippets({ apiUrl }: DocsHosts) {
  const base = `${apiUrl}/v1`;
  return {
    node: {
      label: "Node.js / TypeScript (OpenAI SDK)",
      code: `import OpenAI from "openai";

const client = new OpenAI({ apiKey: "${TOKEN}", baseURL: "${base}" });
const first = await client.responses.create({ model: "${MODEL}", input: "Name a city." });
console.log(first.output_text);

// Stored for 30 days: continue it, with any model
const stream = client.responses.stream({ model: "google/gemini-2.5-flash", previous_response_id: first.id, input: "Why that one?" });
for await (const event of stream) if (event.type === "response.output_text.delta") process.stdout.write(event.delta);`,
    },
    python: {
      label: "Python (OpenAI SDK)",
      code: `from openai import OpenAI

client = OpenAI(api_key="${TOKEN}", base_url="${base}")
response = client.responses.create(model="${MODEL}", instructions="Be brief.", input="Hello!")
print(response.output_text)`,
    },
    codex: {
      label: "Codex CLI (~/.codex/config.toml)",
      code: `model = "${MODEL}"
model_provider = "oauthrouter"

[model_providers.oauthrouter]
name = "OauthRouter"
base_url = "${base}"
env_key = "OAUTHROUTER_API_KEY"
wire_api = "responses"`,
    },
    codexRun: {
      label: "Then, in a shell",
      code: `export OAUTHROUTER_API_KEY=${TOKEN}
codex    # or: codex -m openai/gpt-5 for another model`,
    },
    agentsPython: {
      label: "OpenAI Agents SDK (Python)",
      code: `from openai import AsyncOpenAI
from agents import Agent, Runner, set_default_openai_api, set_default_openai_client, set_tracing_disabled

set_default_openai_client(AsyncOpenAI(api_key="${TOKEN}", base_url="${base}"))
set_default_openai_api("responses")
set_tracing_disabled(True)  # traces would go to OpenAI's platform, not through OauthRouter

agent = Agent(name="Assistant", instructions="You are helpful.", model="${MODEL}")
result = Runner.run_sync(agent, "Write a haiku about routers.")
print(result.final_output)`,
    },
    agentsNode: {
      label: "OpenAI Agents SDK (TypeScript)",
      code: `import OpenAI from "openai";
import { Agent, run, setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled } from "@openai/agents";

setDefaultOpenAIClient(new OpenAI({ apiKey: "${TOKEN}", baseURL: "${base}" }));
setOpenAIAPI("responses");
setTracingDisabled(true);

const agent = new Agent({ name: "Assistant", instructions: "You are helpful.", model: "${MODEL}" });
console.log((await run(agent, "Write a haiku about routers.")).finalOutput);`,
    },
  } satisfies Record<string, Snippet>;
}
