import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useDatabase, type PrismaClient } from "@/lib/db";
import { openPostgres } from "@/lib/db/open-postgres";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createKey } from "@/lib/services/api-keys/manage-keys";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { dropSchema, uniqueSchemaUrl } from "@/test/support/databases";
import { startApp, type RunningApp } from "./support/app-server";
import { signUp, WebSession } from "./support/web-session";

const DASHBOARD = "app/dashboard/actions.ts";
const KEYS = "app/dashboard/keys/actions.ts";

interface Owner {
  session: WebSession;
  userId: string;
}

/** A signed-in owner and data of its own made for one test. */
interface Account extends Owner {
  credentialIds: string[];
  tokenHashes: string[];
  managementKeyId: string;
}

/** One dashboard write: the form fields that aim it at an account's data, and that data's state. */
interface ActionCase {
  file: string;
  action: string;
  fields(target: Account): Record<string, string>;
  state(prisma: PrismaClient, target: Account): Promise<unknown>;
  /** For forms driven by useActionState: the previous state the action is bound to. */
  options?: { previousState: unknown };
  /** The answer to another account's ids: 404 for plain forms, the form's own error (200) for stateful ones. */
  foreign: number;
}

const ACTIONS: ActionCase[] = [
  {
    file: DASHBOARD, action: "toggleCredentialAction", foreign: 404,
    fields: (t) => ({ id: t.credentialIds[0], disabled: "true" }),
    state: (p, t) => p.providerCredential.findUnique({ where: { id: t.credentialIds[0] }, select: { disabled: true } }),
  },
  {
    file: DASHBOARD, action: "reorderCredentialsAction", foreign: 200,
    fields: (t) => ({ order: [...t.credentialIds].reverse().join(",") }),
    state: (p, t) => p.providerCredential.findMany({ where: { userId: t.userId }, orderBy: { id: "asc" }, select: { id: true, priority: true } }),
  },
  {
    file: DASHBOARD, action: "deleteCredentialAction", foreign: 404,
    fields: (t) => ({ id: t.credentialIds[1] }),
    state: (p, t) => p.providerCredential.count({ where: { id: t.credentialIds[1] } }),
  },
  {
    file: DASHBOARD, action: "renameCredentialAction", options: { previousState: {} }, foreign: 200,
    fields: (t) => ({ id: t.credentialIds[0], label: "renamed by someone" }),
    state: (p, t) => p.providerCredential.findUnique({ where: { id: t.credentialIds[0] }, select: { label: true } }),
  },
  {
    // The check asks the provider (unreachable here), so the credential's check note changes.
    file: DASHBOARD, action: "recheckCredentialAction", options: { previousState: {} }, foreign: 200,
    fields: (t) => ({ id: t.credentialIds[0] }),
    state: (p, t) => p.providerCredential.findUnique({ where: { id: t.credentialIds[0] }, select: { checkNote: true, verifiedAt: true } }),
  },
  {
    file: DASHBOARD, action: "setStrategyAction", options: { previousState: {} }, foreign: 200,
    fields: () => ({ strategy: "random" }),
    state: (p, t) => p.user.findUnique({ where: { id: t.userId }, select: { defaultStrategy: true } }),
  },
  {
    file: DASHBOARD, action: "regenerateTokenAction", foreign: 200,
    fields: () => ({}),
    state: (p, t) => p.apiToken.findFirst({ where: { userId: t.userId, isDefault: true }, select: { tokenHash: true } }),
  },
  {
    file: KEYS, action: "toggleTokenAction", foreign: 404,
    fields: (t) => ({ hash: t.tokenHashes[0], disabled: "true" }),
    state: (p, t) => p.apiToken.findUnique({ where: { tokenHash: t.tokenHashes[0] }, select: { disabled: true } }),
  },
  {
    file: KEYS, action: "deleteTokenAction", foreign: 404,
    fields: (t) => ({ hash: t.tokenHashes[1] }),
    state: (p, t) => p.apiToken.count({ where: { tokenHash: t.tokenHashes[1] } }),
  },
  {
    file: KEYS, action: "deleteManagementKeyAction", foreign: 404,
    fields: (t) => ({ id: t.managementKeyId }),
    state: (p, t) => p.managementKey.count({ where: { id: t.managementKeyId } }),
  },
];

describe("dashboard writes (server actions) only ever touch the signed-in account", () => {
  const databaseUrl = uniqueSchemaUrl();
  let app: RunningApp;
  let prisma: PrismaClient;
  let aliceOwner: Owner;
  let bobOwner: Owner;
  let made = 0;

  // Sign-ups and sign-ins are rate limited per address, so the two owners are made once; each test
  // makes its own credentials, tokens and management key, and starts from the default strategy.
  async function owner(email: string): Promise<Owner> {
    const session = await signUp(app.url, email, "a long password");
    return { session, userId: (await prisma.user.findUniqueOrThrow({ where: { email } })).id };
  }
  async function withData(who: Owner): Promise<Account> {
    const n = ++made;
    const credentials = [
      await addCredential(who.userId, { provider: "openai", secret: `sk-openai-${who.userId}-${n}` }),
      await addCredential(who.userId, { provider: "anthropic", secret: `sk-ant-api03-${who.userId}-${n}` }),
    ];
    const tokens = [await createKey(who.userId, { name: `first ${n}` }), await createKey(who.userId, { name: `second ${n}` })];
    const { record } = await createManagementKey(who.userId);
    await prisma.user.update({ where: { id: who.userId }, data: { defaultStrategy: "latest" } });
    return { ...who, credentialIds: credentials.map((c) => c.id), tokenHashes: tokens.map((t) => t.data.hash), managementKeyId: record.id };
  }
  const bothWithData = async () => ({ alice: await withData(aliceOwner), bob: await withData(bobOwner) });

  beforeAll(async () => {
    // Providers at a closed loopback port: a credential check never leaves the machine.
    app = await startApp({ DATABASE_URL: databaseUrl, UPSTREAM_OPENAI_BASE_URL: "http://127.0.0.1:9/v1", UPSTREAM_ANTHROPIC_BASE_URL: "http://127.0.0.1:9" });
    useDatabase(await openPostgres(databaseUrl));
    prisma = await db();
    aliceOwner = await owner("alice@example.com");
    bobOwner = await owner("bob@example.com");
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
    await prisma?.$disconnect();
    await dropSchema(databaseUrl);
  });

  it.each(ACTIONS)("$action: another account's ids change nothing and answer $foreign, as an unknown id does (never a 500)", async (write) => {
    const { alice, bob } = await bothWithData();
    const before = await write.state(prisma, alice);
    const bobsOwnBefore = await write.state(prisma, bob);
    const aimedAtAlice = await bob.session.action(write.file, write.action, write.fields(alice), write.options);
    expect(await write.state(prisma, alice)).toEqual(before);

    const unknown: Account = { ...alice, credentialIds: ["c_unknown_0", "c_unknown_1"], tokenHashes: ["0".repeat(64), "1".repeat(64)], managementKeyId: "m_unknown" };
    const aimedAtNothing = await bob.session.action(write.file, write.action, write.fields(unknown), write.options);
    expect(aimedAtAlice.status).toBe(write.foreign);
    expect(aimedAtNothing.status).toBe(write.foreign);

    const anonymous = await new WebSession(app.url).action(write.file, write.action, write.fields(alice), write.options);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toMatch(/\/signin/);
    expect(await write.state(prisma, alice)).toEqual(before);

    // The same write on Bob's own data goes through, so the refusal above is not an accident.
    expect((await bob.session.action(write.file, write.action, write.fields(bob), write.options)).status).toBeLessThan(400);
    expect(await write.state(prisma, bob)).not.toEqual(bobsOwnBefore);
  });

  it("dashboard pages show the signed-in account's data and nothing of another's", async () => {
    const { alice, bob } = await bothWithData();
    const traces = async (account: Account) => {
      // The default token and this test's own (earlier tests' tokens may be listed past a page).
      const tokens = await prisma.apiToken.findMany({ where: { userId: account.userId, OR: [{ isDefault: true }, { tokenHash: { in: account.tokenHashes } }] } });
      const prefixes = tokens.map((t) => t.prefix);
      const user = await prisma.user.findUniqueOrThrow({ where: { id: account.userId } });
      return [user.email, user.referralCode, ...account.credentialIds.slice(0, 1), ...prefixes];
    };
    const [alices, bobs] = [await traces(alice), await traces(bob)];
    const pages = ["/dashboard/providers", "/dashboard/keys", "/dashboard/usage", "/dashboard/api", "/dashboard/referrals"];
    const html = (await Promise.all(pages.map(async (page) => {
      const response = await bob.session.fetch(page);
      expect(response.status, page).toBe(200);
      return response.text();
    }))).join("\n");
    for (const trace of alices) expect(html).not.toContain(trace);
    for (const trace of bobs) expect(html).toContain(trace);
  });

  it("refuses a server action posted from another site (CSRF), even with the victim's cookie", async () => {
    const { alice } = await bothWithData();
    const credential = { where: { id: alice.credentialIds[0] }, select: { disabled: true } } as const;
    const before = await prisma.providerCredential.findUniqueOrThrow(credential);
    const fields = { id: alice.credentialIds[0], disabled: String(!before.disabled) };
    for (const origin of ["https://evil.example", "null", `${app.url}.evil.example`]) {
      const forged = await alice.session.action(DASHBOARD, "toggleCredentialAction", fields, { headers: { origin } });
      expect(forged.status, origin).toBeGreaterThanOrEqual(400);
      expect(await prisma.providerCredential.findUniqueOrThrow(credential)).toEqual(before);
    }
    expect((await alice.session.action(DASHBOARD, "toggleCredentialAction", fields, { headers: { origin: app.url } })).status).toBe(200);
    expect((await prisma.providerCredential.findUniqueOrThrow(credential)).disabled).toBe(!before.disabled);
  });
});
