import { getProvider } from "@/lib/providers/registry";
import type { CredentialCheck } from "./check-credential";

/** One sentence for the user about a check's outcome, naming the provider. */
export function checkMessage(providerId: string, check: CredentialCheck): string {
  const name = getProvider(providerId)?.name ?? providerId;
  if (check.result === "verified") return `${name} accepted it.`;
  if (check.result === "refused") return `${name} refused it (${check.status}): ${check.message}`;
  return check.note;
}
