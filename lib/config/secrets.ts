import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseKey } from "@/lib/crypto/secret-box";
import { ConfigError, env, usesEmbeddedDatabase, type Env } from "./env";
import { log } from "@/lib/observability/logger";

export interface Secrets {
  /** Current key first, then the previous one (for reading during a rotation). */
  encryptionKeys: Buffer[];
  authSecret: string;
}

/**
 * The embedded default generates what is missing into its data folder (owner-only), so it runs
 * with no setup; with a real database server, missing secrets stop start-up.
 */
function loadOrGenerate(config: Env, name: "ENCRYPTION_KEY" | "AUTH_SECRET", file: string): string {
  const given = config[name];
  if (given) return given;
  if (!usesEmbeddedDatabase(config)) {
    throw new ConfigError(`${name} is required when DATABASE_URL is set (generate one with: openssl rand -hex 32)`);
  }
  const target = path.resolve(config.DATA_DIR, file);
  if (existsSync(target)) return readFileSync(target, "utf8").trim();
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString("hex");
  writeFileSync(target, value + "\n", { mode: 0o600 });
  chmodSync(target, 0o600);
  log.warn(`${name} not set: generated one into the data folder (owner-only); back it up with the folder`, { file: target });
  return value;
}

function keyFrom(name: string, text: string): Buffer {
  try {
    return parseKey(text);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${name}: ${(error as Error).message.replace(/^ENCRYPTION_KEY /, "")}`);
  }
}

const CACHE = Symbol.for("oauthrouter.secrets");
type GlobalWithSecrets = typeof globalThis & { [CACHE]?: Secrets };

export function secrets(config: Env = env()): Secrets {
  const holder = globalThis as GlobalWithSecrets;
  if (holder[CACHE]) return holder[CACHE];
  const current = keyFrom("ENCRYPTION_KEY", loadOrGenerate(config, "ENCRYPTION_KEY", "encryption.key"));
  const previous = config.ENCRYPTION_KEY_PREVIOUS ? [keyFrom("ENCRYPTION_KEY_PREVIOUS", config.ENCRYPTION_KEY_PREVIOUS)] : [];
  holder[CACHE] = {
    encryptionKeys: [current, ...previous],
    authSecret: loadOrGenerate(config, "AUTH_SECRET", "auth.secret"),
  };
  return holder[CACHE];
}

export function resetSecretsCache(): void {
  delete (globalThis as GlobalWithSecrets)[CACHE];
}
