import { readFileSync } from "node:fs";
import { z } from "zod";

const perMillion = z.number().finite().min(0);
const tiered = z.strictObject({
  base: perMillion,
  tiers: z.array(z.strictObject({ start: z.number().int().min(0), price: perMillion })).min(1),
});
const price = z.union([perMillion, tiered]);

/** One model's negotiated prices, in dollars per million tokens (tiers start past a prompt size). */
export const overridePriceSchema = z.strictObject({
  input_mtok: price,
  output_mtok: price,
  cache_read_mtok: price.optional(),
  cache_write_mtok: price.optional(),
});

/** `provider/model` (or `provider/*` for every model of a provider) → prices. */
const overridesSchema = z.record(
  z.string().regex(/^[a-z0-9-]+\/.+$/, "keys are 'provider/model' or 'provider/*'"),
  overridePriceSchema,
);

export type OverridePrice = z.infer<typeof overridePriceSchema>;
export type PriceOverrides = Record<string, OverridePrice>;

/** Reads and checks an operator's price file; the message says what is wrong and where. */
export function readPriceOverrides(path: string): PriceOverrides {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  const parsed = overridesSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${path}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
}

/** The env var's zod type: a file name in, the validated overrides out, checked at start-up. */
export const priceOverridesFile = z.string().transform((path, context): PriceOverrides => {
  try {
    return readPriceOverrides(path);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});
