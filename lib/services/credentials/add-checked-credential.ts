import { GatewayError } from "@/lib/errors/gateway-error";
import { getProvider } from "@/lib/providers/registry";
import { parseCredential, storeCredential } from "./add-credential";
import { checkCredential, limitChecks } from "./check-credential";
import { checkedCredentialSchema, type NewCredential } from "./credential-input";

/**
 * Providers' "Add credential": asks the provider first. A credential it refuses is not saved (the
 * error carries the provider's own message); one it cannot be asked about is saved with a note.
 */
export async function addCheckedCredential(userId: string, input: NewCredential) {
  const data = await parseCredential(input, checkedCredentialSchema);
  await limitChecks(userId);
  const check = await checkCredential({ provider: data.provider, secret: data.secret, kind: data.kind, baseUrl: data.baseUrl ?? null, accountId: data.accountId ?? null });
  if (check.result === "refused") {
    const name = getProvider(data.provider)?.name ?? data.provider;
    const what = data.kind === "oauth_token" ? "token" : "key";
    const said = /[.!?]$/.test(check.message) ? check.message : `${check.message}.`;
    throw new GatewayError(400, "invalid_request_error", `${name} refused this ${what} (${check.status}): ${said} Nothing was saved.`, {
      param: "secret",
      code: "credential_refused",
      metadata: { provider: data.provider, status: check.status, raw: check.message },
    });
  }
  return { credential: await storeCredential(userId, data, check), check };
}
