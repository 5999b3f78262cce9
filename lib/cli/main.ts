import { parseArgs } from "node:util";
import { closeDatabase } from "@/lib/db";
import { closeRedis } from "@/lib/redis/client";
import { mgmtKeyCreate, providerAdd, secretsRotate, tokenCreate, UsageError, userCreate, userList, type Flags } from "./commands";
import { createOutput, describeError, type Output } from "./output";

const HELP = `oauthrouter: operate an OauthRouter installation (same database as the server)

  oauthrouter user create --email E --password P [--plan free|starter|pro|enterprise]
  oauthrouter user list
  oauthrouter provider add --user E --provider ID --key K [--label L] [--base-url U] [--account-id A] [--kind api_key|oauth_token] [--expires-at DATE]
  oauthrouter token create --user E [--name N] [--limit N] [--limit-reset daily|weekly|monthly|never]
                           [--limit-usd DOLLARS] [--limit-usd-reset daily|weekly|monthly|never]
                           [--strategy latest|random|round-robin|failover|least-used] [--providers a,b]
  oauthrouter mgmt-key create --user E [--name N]
  oauthrouter secrets rotate [--batch-size N] [--dry-run]
      re-encrypts stored credentials from ENCRYPTION_KEY_PREVIOUS to ENCRYPTION_KEY

Every command takes --json for machine-readable output. The database is chosen as for the
server: DATABASE_URL if set, otherwise the embedded one in DATA_DIR (default ./.data).`;

const COMMANDS: Record<string, (flags: Flags, out: Output) => Promise<void>> = {
  "user create": userCreate,
  "user list": userList,
  "provider add": providerAdd,
  "token create": tokenCreate,
  "mgmt-key create": mgmtKeyCreate,
  "secrets rotate": secretsRotate,
};

const OPTIONS = {
  email: { type: "string" },
  password: { type: "string" },
  plan: { type: "string" },
  user: { type: "string" },
  provider: { type: "string" },
  key: { type: "string" },
  label: { type: "string" },
  kind: { type: "string" },
  "base-url": { type: "string" },
  "account-id": { type: "string" },
  "expires-at": { type: "string" },
  name: { type: "string" },
  limit: { type: "string" },
  "limit-reset": { type: "string" },
  "limit-usd": { type: "string" },
  "limit-usd-reset": { type: "string" },
  strategy: { type: "string" },
  providers: { type: "string" },
  "batch-size": { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Runs one CLI invocation; returns the exit code. */
export async function main(argv: string[], write?: (text: string) => unknown): Promise<number> {
  const print = write ?? ((text: string) => void process.stdout.write(text + "\n"));
  const fail = write ?? ((text: string) => void process.stderr.write(text + "\n"));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const name = parsed.positionals.slice(0, 2).join(" ");
  const command = COMMANDS[name];
  if (parsed.values.help || !command) {
    (parsed.values.help ? print : fail)(HELP);
    return parsed.values.help ? 0 : 2;
  }
  const out = createOutput(Boolean(parsed.values.json), print);
  try {
    await command(parsed.values as Flags, out);
    return 0;
  } catch (error) {
    const message = describeError(error);
    fail(out.json ? JSON.stringify({ error: { message } }) : `Error: ${message}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    // Everything a command may have opened: the process must exit once the work is done.
    await Promise.all([closeDatabase().catch(() => undefined), closeRedis()]);
  }
}
