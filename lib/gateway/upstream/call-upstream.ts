import { request } from "undici";
import { env } from "@/lib/config/env";
import type { ProviderAdapter, UpstreamRequest } from "@/lib/providers/types";
import { storableText } from "@/lib/db/storable-text";
import { refusePrivateLiteral } from "@/lib/security/public-address";
import { credentialsSent, redactorFor, type Redactor } from "@/lib/security/redact";
import { publicOnlyAgent, upstreamAgent } from "./http-agent";
import { upstreamHttpError, upstreamNetworkError } from "./upstream-error";

const MAX_ERROR_BODY = 64 * 1024;

/** What the gateway needs of an upstream answer; the body is read once, as JSON, text or chunks. */
export interface UpstreamResponse {
  status: number;
  headers: Headers;
  json(): Promise<unknown>;
  text(): Promise<string>;
  /** The body's chunks as they arrive (for SSE parsing); ending the iteration early closes the upstream connection. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Masks the credential this request carried, in any form, in text of the upstream's (its in-stream errors). */
  redact: Redactor;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * Sends one request upstream over the pooled keep-alive agent (undici's request API: far
 * cheaper per call than fetch). Resolves once a success status arrives; otherwise throws a mapped
 * GatewayError after reading a bounded error body. A host the user chose (a credential's base URL)
 * is connected to only at public addresses unless ALLOW_PRIVATE_UPSTREAMS is on.
 */
export async function callUpstream(
  provider: string,
  adapter: Pick<ProviderAdapter, "parseErrorBody">,
  upstream: UpstreamRequest,
  signal: AbortSignal,
  destination: { userSuppliedHost: boolean } = { userSuppliedHost: false },
): Promise<UpstreamResponse> {
  let answer: Awaited<ReturnType<typeof request>>;
  try {
    const publicOnly = destination.userSuppliedHost && !env().ALLOW_PRIVATE_UPSTREAMS;
    if (publicOnly) refusePrivateLiteral(upstream.url);
    const dispatcher = publicOnly ? publicOnlyAgent() : upstreamAgent();
    answer = await request(upstream.url, { method: upstream.method, headers: upstream.headers, body: upstream.body, signal, dispatcher });
  } catch (error) {
    if (signal.aborted) throw error;
    throw upstreamNetworkError(provider, error);
  }
  // Found only when an answer needs masking: most never do.
  let redactor: Redactor | undefined;
  const redact: Redactor = (text) => (redactor ??= redactorFor(credentialsSent(upstream.url, upstream.headers)))(text);
  if (answer.statusCode >= 200 && answer.statusCode < 300) {
    let headers: Headers | undefined;
    return {
      status: answer.statusCode,
      // Built when asked for (a raw answer's type): most answers never are.
      get headers() {
        return (headers ??= toHeaders(answer.headers));
      },
      json: () => answer.body.json(),
      text: () => answer.body.text(),
      chunks: () => answer.body,
      redact,
    };
  }
  // Some providers echo the key they were sent (as sent, escaped, encoded): it must not reach our
  // errors, logs or Providers. Masked in the raw text, and again once the JSON is decoded.
  const text = redact((await answer.body.text().catch(() => "")).slice(0, MAX_ERROR_BODY));
  const parsed = adapter.parseErrorBody(answer.statusCode, text);
  throw upstreamHttpError(provider, answer.statusCode, toHeaders(answer.headers), { ...parsed, message: storableText(redact(parsed.message), MAX_ERROR_BODY) }, text, redact);
}
