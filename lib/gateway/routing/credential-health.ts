import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { upstreamMessage, type GatewayError } from "@/lib/errors/gateway-error";
import type { UsableCredential } from "./user-credentials";
import { errorReason, log } from "@/lib/observability/logger";
import { clearRefusals, recordRefusal } from "./refusals";

const DEFAULT_COOLDOWN_MS = 30_000;
const CIRCUIT_FAILURES = 3;
const CIRCUIT_WINDOW_MS = 30_000;
const CIRCUIT_OPEN_MS = 30_000;

// Repeated server failures open a short circuit, in-process: the credential goes to the back of
// the line for a while instead of costing every request a failed attempt.
const serverFailures = new Map<string, number[]>();
const openCircuits = new Map<string, number>();

export function circuitOpenUntil(credentialId: string): number {
  return openCircuits.get(credentialId) ?? 0;
}

function countServerFailure(credentialId: string): void {
  const now = Date.now();
  const recent = (serverFailures.get(credentialId) ?? []).filter((t) => now - t < CIRCUIT_WINDOW_MS);
  recent.push(now);
  serverFailures.set(credentialId, recent);
  if (recent.length >= CIRCUIT_FAILURES) {
    openCircuits.set(credentialId, now + CIRCUIT_OPEN_MS);
    serverFailures.delete(credentialId);
  }
}

/** A success closes the circuit and forgets earlier failures and refusals. */
export function reportCredentialSuccess(credentialId: string): void {
  serverFailures.delete(credentialId);
  openCircuits.delete(credentialId);
  clearRefusals(credentialId);
}

/**
 * What a failed attempt says about the credential itself: a refusal (401/403, Google's
 * API_KEY_INVALID) counts against it (lib/gateway/routing/refusals.ts), 429 cools it down until
 * the provider's reset time. Request-scoped errors never reach here. Runs off the response path.
 */
export function reportCredentialFailure(userId: string, credential: UsableCredential, error: GatewayError): void {
  if (credential.ephemeral) return;
  const status = error.metadata?.status;
  if (typeof status !== "number" || status >= 500) countServerFailure(credential.id);
  if (error.code === "upstream_auth") return void recordRefusal(userId, credential, error);
  if (status !== 429) return;
  const until = Date.now() + (error.retryAfterMs ?? DEFAULT_COOLDOWN_MS);
  credential.cooldownUntil = until;
  const data = { cooldownUntil: new Date(until), lastError: upstreamMessage(error).slice(0, 500), lastErrorAt: new Date() };
  void db()
    .then((prisma) => prisma.providerCredential.update({ where: { id: credential.id }, data }))
    .then(() => invalidate({ kind: "credentials", userId }))
    .catch((failure) => log.warn("could not record credential health", { credentialId: credential.id, error: errorReason(failure) }));
}
