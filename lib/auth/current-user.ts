import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { localReturnPath } from "@/lib/security/safe-redirect";
import { authOptions } from "./auth-options";

interface SessionUser {
  id?: string;
  sessionVersion?: number;
}

/** The signed-in user for a server component, action or route handler, or null. */
export async function currentUser() {
  const session = await getServerSession(authOptions());
  const claims = session?.user as SessionUser | undefined;
  if (!claims?.id) return null;
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: claims.id } });
  if (!user || (claims.sessionVersion ?? 0) !== user.sessionVersion) return null;
  return user;
}

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo` (a local path). */
export async function requireUser(returnTo?: string) {
  const user = await currentUser();
  const local = localReturnPath(returnTo, "");
  if (!user) redirect(local ? `/signin?callbackUrl=${encodeURIComponent(local)}` : "/signin");
  return user;
}
