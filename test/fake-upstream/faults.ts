import type { ErrorDetail, Family, StreamPlan } from "./types";

/**
 * A fault for the next matching requests. Modes (combine several with commas):
 * `status:<code>[:<retry-after s>]`, `invalid-key`, `slow:<ms>` (before headers), `latency:<ms>`,
 * `slow-first-token:<ms>`, `slow-tokens:<ms>` (between events), `cut-mid-stream[:<events>]`,
 * `error-mid-stream[:<events>]` (with the fault's message, if any), `malformed-json`, `malformed-sse`, `over-long-event[:<MB>]` (the second
 * event a 40 MB, or <MB>, `data:` line).
 */
export interface Fault {
  mode: string;
  /** Applies to the next n matching requests only; forever when absent. */
  times?: number;
  match?: FaultMatch;
  /** Overrides the provider's error message. */
  message?: string;
  /** With `message`: overrides an OpenAI-dialect error's `code` (null: a refusal that names no code). */
  code?: string | null;
}

export interface FaultMatch {
  /** A substring of the path, or a pattern. */
  path?: string | RegExp;
  /** The exact model (body.model or the Gemini path's), or a pattern. */
  model?: string | RegExp;
  /** The exact credential (Bearer / x-api-key / x-goog-api-key / ?key=), or a pattern. */
  credential?: string | RegExp;
  family?: Family;
}

/** What the fault modes of one request add up to. */
export interface FaultEffect {
  delayMs: number;
  error?: ErrorDetail;
  malformedJson?: boolean;
  plan: StreamPlan;
}

const number = (arg: string | undefined, fallback: number) => (arg !== undefined && arg !== "" && Number.isFinite(Number(arg)) ? Number(arg) : fallback);

/** Folds mode strings into one effect; unknown modes are ignored. */
export function parseFaults(modes: string[], message?: string, code?: string | null): FaultEffect {
  const effect: FaultEffect = { delayMs: 0, plan: {} };
  for (const mode of modes.flatMap((m) => m.split(",")).map((m) => m.trim()).filter(Boolean)) {
    const [name, arg, extra] = mode.split(":");
    if (name === "status") effect.error = { status: number(arg, 500), retryAfterSeconds: extra === undefined ? undefined : number(extra, 1), message, ...(code !== undefined ? { code } : {}) };
    if (name === "invalid-key") effect.error = { status: 401, reason: "invalid-key", providerStatus: true, message };
    if (name === "slow" || name === "latency") effect.delayMs += number(arg, 0);
    if (name === "slow-first-token") effect.plan.firstEventDelayMs = number(arg, 0);
    if (name === "slow-tokens") effect.plan.eventDelayMs = number(arg, 0);
    if (name === "cut-mid-stream") effect.plan.cutAfter = number(arg, 3);
    if (name === "error-mid-stream") Object.assign(effect.plan, { errorAfter: number(arg, 2), errorMessage: message });
    if (name === "malformed-sse") effect.plan.malformed = true;
    if (name === "over-long-event") effect.plan.overLongEventChars = number(arg, 40) * 1024 * 1024;
    if (name === "malformed-json") effect.malformedJson = true;
  }
  return effect;
}

/** `gpt-4o--fault-status-503` → `status:503`; `x--fault-slow-first-token-200` → `slow-first-token:200`. */
export function faultFromModel(model: string | undefined): string | null {
  const at = model?.indexOf("--fault-") ?? -1;
  if (!model || at < 0) return null;
  return model.slice(at + "--fault-".length).replace(/-(\d+)/g, ":$1");
}

/** Magic credentials let a routing test fail one credential of several. */
export function credentialFault(credential: string): ErrorDetail | null {
  if (!credential) return { status: 401, reason: "missing-key", credential };
  if (credential.includes("invalid")) return { status: 401, reason: "invalid-key", credential };
  if (credential.includes("forbidden")) return { status: 403, credential };
  if (credential.includes("ratelimited")) return { status: 429, retryAfterSeconds: 1, credential };
  if (credential.includes("servererror")) return { status: 500, credential };
  return null;
}
