import Link from "next/link";
import { CodeBlock } from "@/components/code-block";
import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { API_STRATEGIES } from "@/lib/services/api-keys/strategy-names";
import { C, DefinitionRows, DocSection, Endpoint, Prose, Snippets } from "../doc-parts";

const FIELDS = [
  { key: "name", name: "name", kind: "string · required on create", text: "Up to 100 characters." },
  { key: "allowed_providers", name: "allowed_providers", kind: "string[]", text: "Provider ids this key may use (openai, anthropic, …); empty or absent: all of yours. It also filters GET /v1/models." },
  { key: "limit", name: "limit", kind: "integer | null", text: "Messages this key may send per window; null for no limit of its own (the plan's limit still applies)." },
  { key: "limit_reset", name: "limit_reset", kind: "daily · weekly · monthly · never", text: "When the key's count starts again, at 00:00 UTC (weekly: Mondays). Defaults to monthly with a limit, never without." },
  { key: "limit_usd", name: "limit_usd", kind: "number | null", text: "A dollar budget per window at your providers' prices (to the millionth); null for none. A request that starts with the window's recorded spend at or past it gets 429 rate_limit_error (code budget_exceeded)." },
  { key: "limit_usd_reset", name: "limit_usd_reset", kind: "daily · weekly · monthly · never", text: "The budget's window, at 00:00 UTC (weekly: Mondays). Defaults to monthly." },
  { key: "strategy", name: "strategy", kind: `${API_STRATEGIES.join(" · ")} | null`, text: "How this key picks among your credentials for one provider; null follows your account's default." },
  { key: "disabled", name: "disabled", kind: "boolean · update only", text: "A disabled key is refused with 401 at once, everywhere; enable it again with false." },
];

const CREATED = `{
  "key": "lr_live_…",            // shown this once
  "data": {
    "hash": "9f86d081884c7d65…",  // the key's id in /api/v1/keys/{hash}
    "name": "backend-service",
    "label": "lr_live_Ab3d…x9Qz",
    "disabled": false,
    "allowed_providers": ["openai", "anthropic"],
    "strategy": null,
    "limit": 150,
    "limit_reset": "monthly",
    "usage": 0,                    // dollars spent, in all (usage_daily, usage_weekly, usage_monthly too)
    "usage_messages": 0,           // messages in the current limit window
    "limit_remaining": 150,
    "limit_resets_at": "2026-02-01T00:00:00.000Z",
    "limit_usd": 25,
    "limit_usd_reset": "monthly",
    "limit_usd_remaining": 25,
    "limit_usd_resets_at": "2026-02-01T00:00:00.000Z",
    "created_at": "2026-01-15T09:30:00.000Z",
    "last_used_at": null
  }
}`;

export function KeyManagementSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  const keys = `${hosts.apiUrl}/api/v1/keys`;
  return (
    <DocSection id="key-management" title="Key management" lead="Create, list, update and delete API keys from code, with a management key: one key per service, each with its own providers, limit and strategy.">
      <Prose>
        Create a management key on the <Link href="/dashboard/keys" className="link">Keys</Link> page (or <C>npx oauthrouter mgmt-key create --user you@example.com</C> on the server) and send it as <C>Authorization: Bearer lr_mgmt_…</C>.
        A management key sees only its own account&apos;s keys: anyone else&apos;s hash is a 404.
      </Prose>
      <div className="grid gap-2">
        <Endpoint method="POST" url={keys} />
        <Endpoint method="GET" url={keys} note="?offset=N pages by 100; ?include_disabled=false" />
        <Endpoint method="GET" url={`${keys}/{hash}`} />
        <Endpoint method="PATCH" url={`${keys}/{hash}`} />
        <Endpoint method="DELETE" url={`${keys}/{hash}`} />
      </div>
      <Snippets items={[api.keyCreate]} />
      <CodeBlock label="201 Created" code={CREATED} copy={false} />
      <DefinitionRows label="Key fields" rows={FIELDS} />
      <Snippets items={[api.keyList, api.keyGet, api.keyUpdate, api.keyDelete]} />
    </DocSection>
  );
}
