import { verifyPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db";

// Compared against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** The user for this email and password, or null; no hint which of the two was wrong. */
export async function verifyCredentials(email: string, password: string) {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return user && valid ? user : null;
}
