import { randomBytes } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/config/env";
import { hashPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { plainText } from "@/lib/services/plain-text";
import { conflict } from "@/lib/services/service-error";
import { createApiToken } from "@/lib/services/tokens/create-api-token";

export const planSchema = z.enum(["free", "starter", "pro", "enterprise"]);

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be a valid email address")),
  password: z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters"),
  name: plainText(100).optional(),
  plan: planSchema.default("free"),
  referralCode: z.string().trim().max(40).optional(),
});

export type NewUser = z.input<typeof newUserSchema>;

function newReferralCode(): string {
  return randomBytes(6).toString("base64url").replace(/[-_]/g, "x").toLowerCase();
}

/** The referral is recorded pending: its bonuses wait for the new account's first successful request (grant-referral.ts). */
async function applyReferral(tx: Prisma.TransactionClient, userId: string, code: string) {
  const referrer = await tx.user.findUnique({ where: { referralCode: code.toLowerCase() } });
  if (!referrer || referrer.id === userId) return;
  const { REFERRAL_BONUS_REFERRER: referrerBonus, REFERRAL_BONUS_REFERRED: referredBonus } = env();
  await tx.referral.create({ data: { referrerId: referrer.id, referredId: userId, referrerBonus, referredBonus } });
  await tx.user.update({ where: { id: userId }, data: { referredById: referrer.id } });
}

/** Signs a user up: the account, its default `lr_live_` token, and its pending referral if any. */
export async function createUser(input: NewUser) {
  const data = newUserSchema.parse(input);
  const prisma = await db();
  if (await prisma.user.findUnique({ where: { email: data.email } })) {
    throw conflict("An account with this email already exists", "email");
  }
  const passwordHash = await hashPassword(data.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, passwordHash, plan: data.plan, referralCode: newReferralCode() },
    });
    if (data.referralCode) await applyReferral(tx, user.id, data.referralCode);
    const { token } = await createApiToken(tx, user.id, { name: "Default", isDefault: true });
    return { user, token };
  });
}
