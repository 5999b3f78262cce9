import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** How long a sign-in lasts without use; each use extends it (next-auth rolls its cookie the same way). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const EXTEND_AFTER_MS = 24 * 60 * 60 * 1000;

const expiry = () => new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);

/**
 * Sign-in sessions are signed cookies (JWT) naming a row of their own (`Session.sessionToken` = the
 * cookie's `sid`): deleting the row revokes the cookie, and every copy of it, at once.
 */
export async function openUserSession(userId: string): Promise<string> {
  const prisma = await db();
  const sid = randomBytes(24).toString("base64url");
  await prisma.session.deleteMany({ where: { userId, expires: { lt: new Date() } } });
  await prisma.session.create({ data: { sessionToken: sid, userId, expires: expiry() } });
  return sid;
}

/** Whether the session is still open; a session in use is kept open (its expiry moved at most once a day). */
export async function isUserSessionLive(sid: string, userId: string): Promise<boolean> {
  const prisma = await db();
  const session = await prisma.session.findUnique({ where: { sessionToken: sid }, select: { userId: true, expires: true } });
  if (!session || session.userId !== userId || session.expires.getTime() <= Date.now()) return false;
  if (session.expires.getTime() - Date.now() < SESSION_MAX_AGE_SECONDS * 1000 - EXTEND_AFTER_MS) {
    await prisma.session.updateMany({ where: { sessionToken: sid }, data: { expires: expiry() } });
  }
  return true;
}

/** Signing out: this session ends, on every device holding a copy of its cookie. */
export async function endUserSession(sid: string): Promise<void> {
  const prisma = await db();
  await prisma.session.deleteMany({ where: { sessionToken: sid } });
}

/** A new password: every session of the account ends (the dashboard signs its own in again). */
export async function endAllUserSessions(userId: string): Promise<void> {
  const prisma = await db();
  await prisma.session.deleteMany({ where: { userId } });
}
