import { z } from "zod";
import { updateCustomerEmail } from "@/lib/billing/customer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { badRequest } from "@/lib/errors/gateway-error";
import { conflict } from "@/lib/services/service-error";
import { confirmCurrentPassword } from "./confirm-password";
import { newUserSchema } from "./create-user";

const changeEmailSchema = z.object({ email: newUserSchema.shape.email, currentPassword: z.string() });

const taken = () => conflict("An account with this email already exists", "email");

/** Moves the account to a new email address, after the current password; returns the new address. */
export async function changeEmail(userId: string, input: z.input<typeof changeEmailSchema>): Promise<string> {
  const { email, currentPassword } = changeEmailSchema.parse(input);
  const user = await confirmCurrentPassword(userId, currentPassword);
  if (email === user.email) throw badRequest("That is already your email address", "email");
  const prisma = await db();
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) throw taken();
  try {
    await prisma.user.update({ where: { id: userId }, data: { email } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
    throw error;
  }
  await updateCustomerEmail(user.stripeCustomerId, email);
  return email;
}
