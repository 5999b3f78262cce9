import type { IncomingHttpHeaders, ServerResponse } from "node:http";

export type Family = "openai" | "anthropic" | "gemini" | "cohere";

export type Body = Record<string, any>;

/** Everything the fake saw of one request, so tests can assert what the gateway sent upstream. */
export interface RecordedRequest {
  /** 1, 2, 3… in arrival order. */
  id: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; the raw text when it was not JSON; undefined when empty. */
  body: any;
  family: Family;
  /** The provider the fake plays, from a `/as/<provider>` base URL; the prefix is not part of `path`. */
  provider?: string;
  /** Bearer token, x-api-key, x-goog-api-key or ?key=, the first present; "" when none. */
  credential: string;
  /** body.model, or the {model} of a Gemini path. */
  model?: string;
  /** The client asked for a stream (stream:true or :streamGenerateContent). */
  stream: boolean;
  /** The fault modes applied, comma-separated (e.g. "status:429"), when any. */
  fault?: string;
  receivedAt: number;
  /** The status the fake answered with (set when the response closes). */
  status?: number;
  /** When the response was fully written. */
  finishedAt?: number;
  /** The client went away before the response ended (e.g. a cancelled stream). */
  clientDisconnected: boolean;
  disconnectedAt?: number;
  /** The fake itself dropped the connection (cut-mid-stream). */
  cutByFake?: boolean;
}

/** How a response is slowed, cut or broken; empty for a healthy response. */
export interface StreamPlan {
  firstEventDelayMs?: number;
  eventDelayMs?: number;
  /** Drop the connection after this many events (or half the body when not streaming). */
  cutAfter?: number;
  /** Send the provider's in-stream error event after this many events. */
  errorAfter?: number;
  /** The in-stream error event's message, instead of the provider's usual one. */
  errorMessage?: string;
  /** Break the JSON of the second event. */
  malformed?: boolean;
  /** Make the second event a `data:` line this many characters long. */
  overLongEventChars?: number;
}

export interface Exchange {
  record: RecordedRequest;
  body: Body;
  plan: StreamPlan;
}

/** What an error response should say; each family renders it in its own wire shape. */
export interface ErrorDetail {
  status: number;
  /** A missing or rejected credential gets the provider's exact auth error. */
  reason?: "missing-key" | "invalid-key";
  /** Use the status the real provider sends for this reason (Gemini: 400 for a bad key). */
  providerStatus?: boolean;
  message?: string;
  param?: string;
  /** OpenAI's error code for a validation error (e.g. missing_required_parameter); null for none at all. */
  code?: string | null;
  retryAfterSeconds?: number;
  credential?: string;
  model?: string;
  path?: string;
  method?: string;
  /** A provider's own error body, sent as is (see openai/provider-errors.ts). */
  raw?: unknown;
}

export interface RenderedError {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** How a family frames a stream on the wire. */
export interface StreamFormat {
  contentType: string;
  open?: string;
  separator?: string;
  close?: string;
  /** The provider's in-stream error event (error-mid-stream). */
  errorFrame: (message?: string) => string;
}

export interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  family: Family;
  /** Picks between families sharing a path (GET /v1/models), from the headers and query. */
  when?: (request: { headers: IncomingHttpHeaders; query: Record<string, string> }) => boolean;
  /** Served without a credential (e.g. the images the gateway inlines). */
  public?: boolean;
  /** A request error (missing required field) the real API would answer with, or null. */
  validate?: (ex: Exchange) => ErrorDetail | null;
  handle: (res: ServerResponse, ex: Exchange) => void | Promise<void>;
}
