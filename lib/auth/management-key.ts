import { API_TOKEN_PREFIX, hashToken, looksLikeToken, MANAGEMENT_KEY_PREFIX } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { forbidden, unauthorized } from "@/lib/errors/gateway-error";
import { readPresentedToken } from "./read-bearer";

/** The account behind an `lr_mgmt_` key; API tokens are refused with 403. */
export async function authenticateManagementKey(request: Request): Promise<{ userId: string; keyId: string }> {
  const presented = readPresentedToken(request);
  if (!presented) throw unauthorized("Missing management key: send 'Authorization: Bearer lr_mgmt_…'");
  if (presented.startsWith(API_TOKEN_PREFIX)) {
    throw forbidden("API tokens (lr_live_) cannot call the management API; use a management key (lr_mgmt_)");
  }
  if (!looksLikeToken(presented, MANAGEMENT_KEY_PREFIX)) throw unauthorized("Invalid or disabled management key");
  const prisma = await db();
  const key = await prisma.managementKey.findUnique({ where: { keyHash: hashToken(presented) } });
  if (!key || key.disabled) throw unauthorized("Invalid or disabled management key");
  return { userId: key.userId, keyId: key.id };
}
