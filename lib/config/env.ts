import { z } from "zod";
import { priceOverridesFile } from "@/lib/pricing/price-overrides";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();

// "60000,300000": milliseconds, in order; the last one repeats.
const msList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "must be a comma-separated list of milliseconds")
  .transform((value) => value.split(",").map(Number))
  .refine((values) => values.every((ms) => ms > 0), "every interval must be above 0");

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

const STRIPE_REQUIRED = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_STARTER", "STRIPE_PRICE_PRO", "STRIPE_PRICE_ENTERPRISE"] as const;

// Billing is all or nothing: a half-configured Stripe would take payments it never applies.
function requireCompleteStripeSettings(config: Partial<Record<(typeof STRIPE_REQUIRED)[number], string>>, context: z.RefinementCtx) {
  if (!STRIPE_REQUIRED.some((name) => config[name])) return;
  for (const name of STRIPE_REQUIRED) {
    if (!config[name]) context.addIssue({ code: "custom", path: [name], message: "is required when any STRIPE_ setting is set" });
  }
}

/** Every setting the product reads, validated once. Provider base URLs are read by the registry. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: positiveInt.max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.string().url().optional(),
  API_PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
  ENCRYPTION_KEY: z.string().optional(),
  ENCRYPTION_KEY_PREVIOUS: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ALLOW_PRIVATE_UPSTREAMS: booleanFlag.default(false),
  TRUST_PROXY: booleanFlag.default(false),
  UPSTREAM_CONNECT_TIMEOUT_MS: positiveInt.default(10_000),
  UPSTREAM_FIRST_BYTE_TIMEOUT_MS: positiveInt.default(300_000),
  STREAM_KEEPALIVE_MS: positiveInt.default(15_000),
  CREDENTIAL_RECHECK_BACKOFF_MS: msList.default([60_000, 300_000, 1_800_000, 3_600_000]),
  MAX_BODY_BYTES: positiveInt.default(20 * 1024 * 1024),
  MAX_ATTEMPTS: positiveInt.max(20).default(5),
  RETRY_BUDGET_MS: positiveInt.default(30_000),
  REFERRAL_BONUS_REFERRER: z.coerce.number().int().min(0).default(50),
  REFERRAL_BONUS_REFERRED: z.coerce.number().int().min(0).default(50),
  REFERRAL_MAX_PER_MONTH: z.coerce.number().int().min(0).default(10),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\/[^/]+\/?$/.test(value), "must be http(s)://host[:port] with no path")
    .optional(),
  STRIPE_PRICE_STARTER: z.string().optional(),
  STRIPE_PRICE_PRO: z.string().optional(),
  STRIPE_PRICE_ENTERPRISE: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  PRICE_OVERRIDES_FILE: priceOverridesFile.optional(),
}).superRefine(requireCompleteStripeSettings);

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws a ConfigError naming every bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
}

const CACHE = Symbol.for("oauthrouter.env");
type GlobalWithEnv = typeof globalThis & { [CACHE]?: Env };

/** The process's validated configuration, parsed on first use. */
export function env(): Env {
  const holder = globalThis as GlobalWithEnv;
  holder[CACHE] ??= parseEnv(process.env);
  return holder[CACHE];
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  delete (globalThis as GlobalWithEnv)[CACHE];
}

export function usesEmbeddedDatabase(config: Env = env()): boolean {
  return !config.DATABASE_URL;
}

export function publicUrl(config: Env = env()): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
}

export function apiPublicUrl(config: Env = env()): string {
  return (config.API_PUBLIC_URL ?? publicUrl(config)).replace(/\/$/, "");
}
