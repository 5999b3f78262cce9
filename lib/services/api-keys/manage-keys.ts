import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/gateway-error";
import { counterStore } from "@/lib/quota/admit-message";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import type { CreateKeyInput, UpdateKeyInput } from "./key-input";
import { toKeyView } from "./key-view";
import { fromApiStrategy } from "./strategy-names";

export const KEYS_PAGE_SIZE = 100;

/** Every lookup is scoped to the owner: another account's hash is simply "not found". */
async function ownedToken(userId: string, hash: string) {
  const prisma = await db();
  const token = await prisma.apiToken.findFirst({ where: { tokenHash: hash, userId } });
  if (!token) throw notFound("No API key with that hash");
  return token;
}

export async function listKeys(userId: string, offset = 0, includeDisabled = true) {
  const prisma = await db();
  const tokens = await prisma.apiToken.findMany({
    where: { userId, ...(includeDisabled ? {} : { disabled: false }) },
    orderBy: { createdAt: "desc" },
    skip: offset,
    take: KEYS_PAGE_SIZE,
  });
  const counters = counterStore();
  return Promise.all(tokens.map((token) => toKeyView(token, counters)));
}

export async function createKey(userId: string, input: CreateKeyInput) {
  const prisma = await db();
  const { token, record } = await createApiToken(prisma, userId, {
    name: input.name,
    allowedProviders: input.allowed_providers,
    limit: input.limit ?? null,
    limitReset: input.limit_reset ?? (input.limit ? "monthly" : "never"),
    strategy: input.strategy ? fromApiStrategy(input.strategy) : null,
  });
  return { key: token, id: record.id, data: await toKeyView(record, counterStore()) };
}

export async function getKey(userId: string, hash: string) {
  return toKeyView(await ownedToken(userId, hash), counterStore());
}

export async function updateKey(userId: string, hash: string, input: UpdateKeyInput) {
  const token = await ownedToken(userId, hash);
  const prisma = await db();
  const updated = await prisma.apiToken.update({
    where: { id: token.id },
    data: {
      name: input.name,
      disabled: input.disabled,
      allowedProviders: input.allowed_providers,
      limit: input.limit,
      limitReset: input.limit_reset,
      strategy: input.strategy === undefined ? undefined : input.strategy && fromApiStrategy(input.strategy),
    },
  });
  invalidate({ kind: "token", tokenHash: hash });
  return toKeyView(updated, counterStore());
}

export async function deleteKey(userId: string, hash: string) {
  const token = await ownedToken(userId, hash);
  const prisma = await db();
  await prisma.apiToken.delete({ where: { id: token.id } });
  invalidate({ kind: "token", tokenHash: hash });
}
