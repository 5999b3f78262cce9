import { db } from "@/lib/db";

export async function listUsers() {
  const prisma = await db();
  return prisma.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, plan: true, createdAt: true, _count: { select: { credentials: true, apiTokens: true } } },
  });
}

export async function findUserByEmail(email: string) {
  const prisma = await db();
  return prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
}
