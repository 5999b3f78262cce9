import Link from "next/link";
import { CodeBlock } from "@/components/code-block";
import { apiPublicUrl } from "@/lib/config/env";
import { providerRegistry } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

// Example model ids per provider, from the API documentation.
const EXAMPLE_MODELS: Record<string, string> = {
  anthropic: "claude-sonnet-4-5, claude-opus-4-6",
  openai: "gpt-4o, gpt-4o-mini, o1",
  google: "gemini-2.5-pro, gemini-2.5-flash",
  mistral: "mistral-large-latest, codestral-latest",
  groq: "llama-3.3-70b-versatile",
  xai: "grok-3, grok-3-mini",
  deepseek: "deepseek-chat, deepseek-reasoner",
  together: "Llama 3.1 405B, Qwen 2.5 72B",
  cohere: "command-r-plus, command-r",
  "cloudflare-ai": "@cf/meta/llama-3.1-8b-instruct",
  openrouter: "any OpenRouter model",
};

const PROMISES = [
  ["No token markup", "Requests go to your own provider accounts with your own keys, so you pay providers directly at their prices. Plans only count messages."],
  ["Drop-in OpenAI compatible", "Set the base URL in any OpenAI SDK or tool (Cursor, Cline, Continue, LibreChat, LangChain). The Anthropic and Gemini SDKs work too."],
  ["API keys or OAuth tokens", "Paste an API key, or an OAuth token from a subscription such as Claude Code's sk-ant-oat…; that subscription's terms apply."],
  ["Routing that holds", "Several credentials per provider, five strategies (latest, random, round-robin, failover, least-used) and retries before the first byte."],
];

const STEPS = [
  ["Sign up", "The free plan has 100 messages a month; no card needed."],
  ["Add your providers", "Paste your Anthropic, OpenAI, Google or other keys in Providers. They are encrypted at rest."],
  ["Copy your token", "Take the base URL and your lr_live_ token from My API and paste them into your SDK or tool."],
];

export default function LandingPage() {
  const providers = providerRegistry.filter((p) => p.id !== "custom");
  const sample = `const client = new OpenAI({ baseURL: "${apiPublicUrl()}/v1", apiKey: "lr_live_…" });
const reply = await client.chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages });`;
  return (
    <main className="mx-auto max-w-6xl px-4">
      <section className="py-14 sm:py-20">
        <p className="inline-flex rounded-full border border-indigo-200 bg-indigo-50 px-3 py-1 text-xs font-medium text-indigo-700 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-300">
          OpenAI-compatible LLM router · bring your own key
        </p>
        <h1 className="mt-5 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">One endpoint for the AI accounts you already pay for.</h1>
        <p className="muted mt-5 max-w-2xl text-lg">
          Connect your own API keys or OAuth tokens for {providers.length} providers and get one unified, OpenAI-compatible API with a
          single <code className="rounded bg-zinc-100 px-1 font-mono text-base dark:bg-zinc-800">lr_live_</code> token.
          No middleman markup: you pay your providers directly.
        </p>
        <div className="mt-8 flex flex-wrap items-center gap-3">
          <Link href="/signup" className="btn btn-primary px-5 py-2.5 text-base">Start free</Link>
          <Link href="/docs" className="btn btn-secondary px-5 py-2.5 text-base">Read the docs</Link>
          <Link href="/pricing" className="btn btn-secondary px-5 py-2.5 text-base">See pricing</Link>
          <span className="text-sm text-zinc-500">100 messages a month free</span>
        </div>
        <div className="mt-10" data-testid="landing-sample">
          <CodeBlock label="Two lines with the OpenAI SDK" code={sample} />
        </div>
      </section>

      <section className="grid gap-6 border-t border-zinc-200 py-12 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800">
        {PROMISES.map(([title, text]) => (
          <div key={title}>
            <h2 className="font-semibold">{title}</h2>
            <p className="muted mt-2 text-sm leading-relaxed">{text}</p>
          </div>
        ))}
      </section>

      <section className="border-t border-zinc-200 py-12 dark:border-zinc-800" aria-labelledby="providers-heading">
        <h2 id="providers-heading" className="text-2xl font-semibold tracking-tight">{providers.length} providers, one API</h2>
        <p className="muted mt-2 text-sm">
          Use model ids as <code className="font-mono">provider/model</code>, e.g. <code className="font-mono">anthropic/claude-sonnet-4-5</code>.
          Any other OpenAI-compatible endpoint can be added as a custom provider.
        </p>
        <ul className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="provider-list">
          {providers.map((p) => (
            <li key={p.id} className="card min-w-0 p-4" data-provider={p.id}>
              <div className="font-medium">{p.name}</div>
              <code className="font-mono text-xs text-indigo-700 dark:text-indigo-300">{p.id}/</code>
              <div className="mt-1 hidden truncate text-xs text-zinc-500 sm:block" title={EXAMPLE_MODELS[p.id]}>{EXAMPLE_MODELS[p.id]}</div>
            </li>
          ))}
          <li className="min-w-0 rounded-xl border border-dashed border-zinc-300 p-4 dark:border-zinc-700">
            <div className="font-medium">Custom</div>
            <code className="font-mono text-xs text-indigo-700 dark:text-indigo-300">custom/</code>
            <div className="mt-1 hidden truncate text-xs text-zinc-500 sm:block">any OpenAI-compatible endpoint</div>
          </li>
        </ul>
      </section>

      <section className="border-t border-zinc-200 py-12 dark:border-zinc-800">
        <h2 className="text-2xl font-semibold tracking-tight">Running in three steps</h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-3">
          {STEPS.map(([title, text], index) => (
            <li key={title} className="flex gap-3">
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white dark:bg-indigo-500">{index + 1}</span>
              <div>
                <div className="font-medium">{title}</div>
                <p className="muted mt-1 text-sm">{text}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section className="mb-14 rounded-2xl bg-indigo-600 px-6 py-10 text-center text-white sm:px-10 dark:bg-indigo-950 dark:ring-1 dark:ring-indigo-800">
        <h2 className="text-2xl font-semibold tracking-tight">Bring your keys. Keep your prices.</h2>
        <p className="mx-auto mt-2 max-w-xl text-indigo-100">Free for 100 messages a month; paid plans from $29 for more.</p>
        <Link href="/signup" className="btn mt-6 bg-white px-5 py-2.5 text-base text-indigo-700 hover:bg-indigo-50">Create your free account</Link>
      </section>
    </main>
  );
}
