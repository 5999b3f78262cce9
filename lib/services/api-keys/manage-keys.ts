import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/gateway-error";
import { counterStore } from "@/lib/quota/admit-message";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import type { CreateKeyInput, UpdateKeyInput } from "./key-input";
import { keySpend } from "./key-spend";
import { newKeyView, toKeyView } from "./key-view";
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
  const spend = await keySpend(tokens.map((token) => token.id));
  return Promise.all(tokens.map((token) => toKeyView(token, counters, spend.get(token.id))));
}

export async function createKey(userId: string, input: CreateKeyInput) {
  const prisma = await db();
  const { token, record } = await createApiToken(prisma, userId, {
    name: input.name,
    allowedProviders: input.allowed_providers,
    limit: input.limit ?? null,
    limitReset: input.limit_reset ?? (input.limit ? "monthly" : "never"),
    strategy: input.strategy ? fromApiStrategy(input.strategy) : null,
    limitUsd: input.limit_usd ?? null,
    limitUsdReset: input.limit_usd_reset,
  });
  return { key: token, id: record.id, data: newKeyView(record) };
}

export async function getKey(userId: string, hash: string) {
  const token = await ownedToken(userId, hash);
  return toKeyView(token, counterStore(), (await keySpend([token.id])).get(token.id));
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
      limitUsd: input.limit_usd,
      limitUsdReset: input.limit_usd_reset,
      strategy: input.strategy === undefined ? undefined : input.strategy && fromApiStrategy(input.strategy),
    },
  });
  invalidate({ kind: "token", tokenHash: hash });
  return toKeyView(updated, counterStore(), (await keySpend([updated.id])).get(updated.id));
}

export async function deleteKey(userId: string, hash: string) {
  const token = await ownedToken(userId, hash);
  const prisma = await db();
  await prisma.apiToken.delete({ where: { id: token.id } });
  invalidate({ kind: "token", tokenHash: hash });
}
