import { findUserByEmail, listUsers } from "@/lib/services/users/list-users";
import { createUser } from "@/lib/services/users/create-user";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { createKey } from "@/lib/services/api-keys/manage-keys";
import { createKeySchema, type CreateKeyInput } from "@/lib/services/api-keys/key-input";
import { db } from "@/lib/db";
import { secrets } from "@/lib/config/secrets";
import { rotateEncryptionKey, type ColumnReport } from "@/lib/services/secrets/rotate-encryption-key";
import type { Output } from "./output";

export type Flags = Record<string, string | boolean | undefined>;

export class UsageError extends Error {}

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

async function userByEmail(flags: Flags) {
  const email = required(flags, "user");
  const user = await findUserByEmail(email);
  if (!user) throw new UsageError(`No user with email ${email}`);
  return user;
}

export async function userCreate(flags: Flags, out: Output) {
  const { user, token } = await createUser({
    email: required(flags, "email"),
    password: required(flags, "password"),
    plan: (flags.plan as never) ?? "free",
  });
  out.print(`Created ${user.email} (${user.plan}, id ${user.id})\nDefault token (shown once): ${token}`, {
    id: user.id,
    email: user.email,
    plan: user.plan,
    token,
  });
}

export async function userList(_flags: Flags, out: Output) {
  const users = await listUsers();
  const rows = users.map((u) => ({ id: u.id, email: u.email, plan: u.plan, createdAt: u.createdAt.toISOString(), credentials: u._count.credentials, tokens: u._count.apiTokens }));
  const human = rows.length
    ? rows.map((r) => `${r.email}\t${r.plan}\t${r.credentials} credentials\t${r.tokens} tokens\t${r.createdAt}`).join("\n")
    : "No users yet.";
  out.print(human, rows);
}

export async function providerAdd(flags: Flags, out: Output) {
  const user = await userByEmail(flags);
  const view = await addCredential(user.id, {
    provider: required(flags, "provider"),
    secret: required(flags, "key"),
    label: flags.label as string | undefined,
    kind: flags.kind as "api_key" | "oauth_token" | undefined,
    baseUrl: flags["base-url"] as string | undefined,
    accountId: flags["account-id"] as string | undefined,
    expiresAt: flags["expires-at"] as string | undefined,
  });
  out.print(`Added ${view.provider} credential "${view.label}" (${view.kind}, ${view.masked}) for ${user.email}`, view);
}

/** The same options, checked the same way, as POST /api/v1/keys. */
function tokenOptions(flags: Flags): CreateKeyInput {
  const text = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
  const limit = text("limit");
  if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError("--limit must be a whole number");
  const limitUsd = text("limit-usd");
  if (limitUsd !== undefined && !/^\d+(\.\d{1,6})?$/.test(limitUsd)) throw new UsageError("--limit-usd must be dollars, e.g. 25 or 2.50");
  return createKeySchema.parse({
    name: text("name") || "CLI token",
    ...(limit !== undefined ? { limit: Number(limit) } : {}),
    ...(text("limit-reset") ? { limit_reset: text("limit-reset") } : {}),
    ...(limitUsd !== undefined ? { limit_usd: Number(limitUsd) } : {}),
    ...(text("limit-usd-reset") ? { limit_usd_reset: text("limit-usd-reset") } : {}),
    ...(text("strategy") ? { strategy: text("strategy") } : {}),
    ...(text("providers") ? { allowed_providers: text("providers")!.split(",").filter(Boolean) } : {}),
  });
}

export async function tokenCreate(flags: Flags, out: Output) {
  const user = await userByEmail(flags);
  const { key, id, data } = await createKey(user.id, tokenOptions(flags));
  out.print(`Token "${data.name}" for ${user.email} (shown once):\n${key}`, { id, ...data, token: key });
}

export async function mgmtKeyCreate(flags: Flags, out: Output) {
  const user = await userByEmail(flags);
  const { key, record } = await createManagementKey(user.id, (flags.name as string) || undefined);
  out.print(`Management key "${record.name}" for ${user.email} (shown once):\n${key}`, { id: record.id, name: record.name, key });
}

function positiveInt(flags: Flags, name: string, fallback: number): number {
  const value = flags[name];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(`--${name} must be a positive whole number`);
  return parsed;
}

const describeColumn = (what: string, c: ColumnReport, dryRun: boolean) =>
  `${what}: ${c.rotated} ${dryRun ? "to re-encrypt" : "re-encrypted"}, ${c.alreadyCurrent} already under the current key` +
  (c.changedMeanwhile ? `, ${c.changedMeanwhile} changed meanwhile (run again to check them)` : "");

/** Re-encrypts every stored secret from ENCRYPTION_KEY_PREVIOUS to ENCRYPTION_KEY. */
export async function secretsRotate(flags: Flags, out: Output) {
  const dryRun = flags["dry-run"] === true;
  const report = await rotateEncryptionKey(await db(), secrets().encryptionKeys, { batchSize: positiveInt(flags, "batch-size", 200), dryRun });
  const done = dryRun
    ? "Dry run: nothing was written."
    : "Every stored secret is now under ENCRYPTION_KEY; once every server runs with it, ENCRYPTION_KEY_PREVIOUS can be removed.";
  out.print(
    [describeColumn("Provider credentials", report.credentials, dryRun), describeColumn("Default tokens", report.tokens, dryRun), done].join("\n"),
    report,
  );
}
