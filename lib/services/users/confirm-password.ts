import { verifyPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db";
import { badRequest, notFound } from "@/lib/errors/gateway-error";
import { enforceRateLimit } from "@/lib/security/rate-limit";

/** The user, once their current password checks out; guesses are limited per account. */
export async function confirmCurrentPassword(userId: string, password: string) {
  await enforceRateLimit("password confirmation", userId, 10, 15 * 60_000);
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("No such account");
  if (!password || !(await verifyPassword(password, user.passwordHash))) {
    throw badRequest("Your current password is not correct", "currentPassword");
  }
  return user;
}
