import { CodeBlock } from "@/components/code-block";
import { ERROR_STATUSES } from "@/lib/docs/error-catalog";
import type { DocsHosts } from "@/lib/docs/hosts";
import { C, DefinitionRows, DocSection, Prose } from "../doc-parts";

function errorBody(hosts: DocsHosts) {
  return `{
  "error": {
    "message": "Invalid or disabled token",
    "type": "authentication_error",
    "param": null,
    "code": 401,
    "docs_url": "${hosts.publicUrl}/docs#errors"
  }
}`;
}

const OPENROUTER_SHAPE = `// /api/v1/... (OpenRouter's shape: code is the status; ours is metadata.code)
{ "error": { "message": "…", "type": "rate_limit_error", "param": null, "code": 429, "metadata": { "code": "message_limit", "resets_at": "…" }, "docs_url": "…" } }`;

const NATIVE_SHAPES = `// /v1/messages (Anthropic's shape)
{ "type": "error", "error": { "type": "authentication_error", "message": "Invalid or disabled token" } }

// /v1beta (Google's shape)
{ "error": { "code": 401, "message": "Invalid or disabled token", "status": "UNAUTHENTICATED" } }`;

export function ErrorsSection({ hosts }: { hosts: DocsHosts }) {
  const rows = ERROR_STATUSES.map((entry) => ({
    key: `${entry.status}`,
    name: entry.streamOnly ? `${entry.status} (in streams)` : String(entry.status),
    kind: entry.type,
    text: (
      <>
        {entry.cause} <span className="text-zinc-500">→</span> {entry.fix}
        {entry.codes && (
          <span className="mt-1 block text-xs text-zinc-500">
            {Object.entries(entry.codes).map(([code, meaning]) => (
              <span key={code} className="mr-3 inline-block">code <C>{code}</C>: {meaning}</span>
            ))}
          </span>
        )}
      </>
    ),
  }));
  return (
    <DocSection id="errors" title="Errors" lead="Every error is JSON with the right HTTP status, never a stack trace. On the OpenAI-style endpoints it looks like this:">
      <CodeBlock label="Error body" code={errorBody(hosts)} copy={false} />
      <Prose>
        <C>param</C> names the request field at fault; <C>code</C> tells causes of one status apart (else it is the status; on OpenRouter&apos;s paths, see below); <C>metadata</C> carries <C>provider</C>, <C>provider_name</C>, the upstream&apos;s <C>status</C> and <C>raw</C>, the provider&apos;s own error body (credentials masked), when a provider failed, as OpenRouter&apos;s clients read them; and <C>resets_at</C> when a limit is reached.
        429 and some 503 answers carry <C>Retry-After</C>. Failures after a stream has started arrive as the stream&apos;s last event instead: a chunk whose <C>error</C> has the status as its integer <C>code</C> and <C>metadata.error_type</C> (OpenRouter&apos;s names: <C>rate_limit_exceeded</C>, <C>server</C>, <C>timeout</C>, …).
      </Prose>
      <Prose>
        On OpenRouter&apos;s paths (<C>/api/v1/…</C>, Anthropic&apos;s <C>/api/v1/messages</C> aside) <C>code</C> is always the HTTP status as an integer, as OpenRouter&apos;s schema and its SDK <C>@openrouter/sdk</C> require (so the SDK raises its own error classes),
        and the code that tells causes apart is <C>metadata.code</C>. A stream there that fails before its first chunk ends with OpenRouter&apos;s error chunk, as one that fails later does.
      </Prose>
      <CodeBlock label="Error body on /api/v1" code={OPENROUTER_SHAPE} copy={false} />
      <DefinitionRows label="HTTP statuses and error types" rows={rows} />
      <Prose>The native endpoints answer in their SDKs&apos; own shapes, with the same statuses:</Prose>
      <CodeBlock label="Anthropic and Gemini error bodies" code={NATIVE_SHAPES} copy={false} />
    </DocSection>
  );
}
