import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { DefaultTokenExamples, DefaultTokenField, DefaultTokenProvider } from "@/components/default-token";
import { PageHeader } from "@/components/page-header";
import { RegenerateTokenButton } from "@/components/regenerate-token-button";
import { StrategyForm } from "@/components/strategy-form";
import { requireUser } from "@/lib/auth/current-user";
import { apiPublicUrl } from "@/lib/config/env";
import { toApiStrategy } from "@/lib/services/api-keys/strategy-names";
import { listCredentials } from "@/lib/services/credentials/manage-credentials";
import { revealDefaultToken } from "@/lib/services/tokens/default-token";

export const metadata: Metadata = { title: "My API" };

const MODEL = "anthropic/claude-sonnet-4-5";

function snippets(baseUrl: string, token: string) {
  return [
    {
      label: "cURL",
      code: `curl ${baseUrl}/chat/completions \\\n  -H "Authorization: Bearer ${token}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"model":"${MODEL}","messages":[{"role":"user","content":"Hello!"}]}'`,
    },
    {
      label: "Python (OpenAI SDK)",
      code: `from openai import OpenAI\n\nclient = OpenAI(\n    api_key="${token}",\n    base_url="${baseUrl}",\n)\nresp = client.chat.completions.create(\n    model="${MODEL}",\n    messages=[{"role": "user", "content": "Hello!"}],\n)\nprint(resp.choices[0].message.content)`,
    },
    {
      label: "Node.js / TypeScript (OpenAI SDK)",
      code: `import OpenAI from "openai";\n\nconst client = new OpenAI({\n  apiKey: "${token}",\n  baseURL: "${baseUrl}",\n});\nconst resp = await client.chat.completions.create({\n  model: "${MODEL}",\n  messages: [{ role: "user", content: "Hello!" }],\n});\nconsole.log(resp.choices[0].message.content);`,
    },
  ];
}

function CopyField({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) {
  return (
    <div>
      <label htmlFor={testId} className="field-label">{label}</label>
      <div className="mt-1 flex items-center gap-2">
        <input id={testId} readOnly value={value} data-testid={testId} spellCheck={false} className="input mt-0 bg-zinc-50 font-mono dark:bg-zinc-950" />
        <CopyButton value={value} />
      </div>
      {hint && <p className="mt-1 text-xs text-zinc-500">{hint}</p>}
    </div>
  );
}

export default async function MyApiPage() {
  const user = await requireUser("/dashboard/api");
  const [token, credentials] = await Promise.all([revealDefaultToken(user.id), listCredentials(user.id)]);
  const baseUrl = `${apiPublicUrl()}/v1`;
  const content = (
    <div className="space-y-8">
      <PageHeader title="My API">Point any OpenAI-compatible SDK or tool at this base URL with this token.</PageHeader>

      {credentials.length === 0 && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-testid="no-providers">
          Requests need at least one of your own provider credentials.{" "}
          <Link href="/dashboard/providers" className="font-medium underline">Add a provider key</Link> first.
        </p>
      )}

      <section className="card grid gap-5" aria-label="Connection">
        <CopyField label="Base URL" value={baseUrl} testId="base-url" hint="No trailing slash. Models are provider/model, e.g. anthropic/claude-sonnet-4-5." />
        {token ? <DefaultTokenField /> : <p className="text-sm">Your default token was removed. Regenerate one below.</p>}
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <RegenerateTokenButton />
        </div>
      </section>

      <section className="card">
        <StrategyForm current={toApiStrategy(user.defaultStrategy)} />
      </section>

      {token && (
        <section className="space-y-4">
          <h2 className="text-lg font-semibold">Ready-to-paste examples</h2>
          <DefaultTokenExamples examples={snippets(baseUrl, token)} />
        </section>
      )}
    </div>
  );
  return token ? <DefaultTokenProvider token={token}>{content}</DefaultTokenProvider> : content;
}
