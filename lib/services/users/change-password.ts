import { z } from "zod";
import { hashPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db";
import { badRequest } from "@/lib/errors/gateway-error";
import { confirmCurrentPassword } from "./confirm-password";
import { newUserSchema } from "./create-user";
import { endAllUserSessions } from "./user-sessions";

const changePasswordSchema = z.object({ currentPassword: z.string(), newPassword: newUserSchema.shape.password });

/**
 * Sets a new password and bumps the session version, which signs out every session of the
 * account; the dashboard then signs its own session in again with the new password.
 */
export async function changePassword(userId: string, input: z.input<typeof changePasswordSchema>): Promise<void> {
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  await confirmCurrentPassword(userId, currentPassword);
  if (newPassword === currentPassword) throw badRequest("The new password must differ from the current one", "newPassword");
  const prisma = await db();
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } } });
  await endAllUserSessions(userId);
}
