import { z } from "zod";
import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/gateway-error";
import { plainText } from "@/lib/services/plain-text";
import { toCredentialView } from "./credential-view";

export async function listCredentials(userId: string) {
  const prisma = await db();
  const rows = await prisma.providerCredential.findMany({
    where: { userId },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toCredentialView);
}

export const credentialUpdateSchema = z.object({
  label: plainText(80, 1).optional(),
  disabled: z.boolean().optional(),
});

/** Scoped to the owner: another user's id is "not found", never "forbidden". */
export async function updateCredential(userId: string, id: string, input: z.input<typeof credentialUpdateSchema>) {
  const data = credentialUpdateSchema.parse(input);
  const prisma = await db();
  const { count } = await prisma.providerCredential.updateMany({ where: { id, userId }, data });
  if (count === 0) throw notFound("No such credential");
  invalidate({ kind: "credentials", userId });
}

export async function deleteCredential(userId: string, id: string) {
  const prisma = await db();
  const { count } = await prisma.providerCredential.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound("No such credential");
  invalidate({ kind: "credentials", userId });
}

/** Sets the failover order to the ids as given; ids not owned by the user are ignored. */
export async function reorderCredentials(userId: string, orderedIds: string[]) {
  const prisma = await db();
  await prisma.$transaction(
    orderedIds.map((id, priority) => prisma.providerCredential.updateMany({ where: { id, userId }, data: { priority } })),
  );
  invalidate({ kind: "credentials", userId });
}
