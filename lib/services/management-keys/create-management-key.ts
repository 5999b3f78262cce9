import { displayPrefix, generateSecretToken, hashToken, MANAGEMENT_KEY_PREFIX } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/gateway-error";

/** Creates an `lr_mgmt_` key for the management API; the caller shows `key` once. */
export async function createManagementKey(userId: string, name = "Management key") {
  const prisma = await db();
  const key = generateSecretToken(MANAGEMENT_KEY_PREFIX);
  const record = await prisma.managementKey.create({
    data: { userId, name, keyHash: hashToken(key), prefix: displayPrefix(key) },
  });
  return { key, record };
}

export async function listManagementKeys(userId: string) {
  const prisma = await db();
  return prisma.managementKey.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, disabled: true, createdAt: true, lastUsedAt: true } });
}

/** Scoped to the owner: another account's id changes nothing and is "not found". */
export async function deleteManagementKey(userId: string, id: string) {
  const prisma = await db();
  const { count } = await prisma.managementKey.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound("No such management key");
}
