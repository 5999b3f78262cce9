import type { Caller } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { GatewayError } from "@/lib/errors/gateway-error";
import { getProvider } from "@/lib/providers/registry";
import { parseModelId } from "./model-id";
import { resolveTargets } from "./resolve-model";

/** A credential that could have served the request, and what its provider last said. */
export interface RefusedCredential {
  provider: string;
  label: string;
  last4: string;
  refusedAt: Date;
  reason: string;
  /** When the background check tries it again, if it does. */
  nextCheckAt: Date | null;
}

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const clock = (date: Date) => `${date.toISOString().slice(11, 16)} UTC`;

function describe(c: RefusedCredential): string {
  const name = getProvider(c.provider)?.name ?? c.provider;
  // The default label is the provider's name: then the masked key tells it apart.
  const which = c.label === name ? `••••${c.last4}` : `'${c.label}' (••••${c.last4})`;
  const reason = c.reason.trim().replace(/[.\s]+$/, "");
  return `Your ${name} credential ${which} was refused by ${name} at ${utc(c.refusedAt)}: ${reason}.`;
}

/**
 * Every credential that could serve the request is out of service: the answer names each and why.
 * 424, which the official SDKs do not retry (they retry 408, 409, 429 and 5xx): retrying cannot
 * help until the user fixes the credential or the background check brings it back.
 */
export function credentialsRefused(refused: RefusedCredential[]): GatewayError {
  const nextCheck = refused.map((c) => c.nextCheckAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
  const fix = `Fix ${refused.length > 1 ? "them" : "it"} in Providers.${nextCheck ? ` OauthRouter checks again by itself at ${clock(nextCheck)}.` : ""}`;
  return new GatewayError(424, "permission_error", `${refused.map(describe).join(" ")} ${fix}`, {
    code: "credentials_refused",
    metadata: {
      credentials: refused.map((c) => ({ provider: c.provider, label: c.label, refused_at: c.refusedAt.toISOString(), reason: c.reason, next_check_at: c.nextCheckAt?.toISOString() ?? null })),
    },
  });
}

/**
 * The caller's credentials out of service (refused, invalid, expired; not disabled) that could
 * serve one of the models. Read only when no credential in service can: never on a served request.
 */
export async function outOfServiceFor(caller: Caller, modelIds: string[]): Promise<RefusedCredential[]> {
  const prisma = await db();
  const rows = await prisma.providerCredential.findMany({
    where: { userId: caller.userId, disabled: false, status: { not: "active" } },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
  });
  const allowed = rows.filter((r) => caller.allowedProviders.length === 0 || caller.allowedProviders.includes(r.provider));
  const providers = new Set(modelIds.flatMap((id) => resolveTargets(parseModelId(id), new Set(allowed.map((r) => r.provider))) ?? []).map((t) => t.provider));
  return allowed
    .filter((r) => providers.has(r.provider))
    .map((r) => ({ provider: r.provider, label: r.label, last4: r.secretLast4, refusedAt: r.lastErrorAt ?? r.updatedAt, reason: r.lastError ?? `marked ${r.status}`, nextCheckAt: r.nextCheckAt }));
}
