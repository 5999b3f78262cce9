import { z } from "zod";
import { getProvider } from "@/lib/providers/registry";
import { plainText } from "@/lib/services/plain-text";
import { API_STRATEGIES } from "./strategy-names";

const providerList = z
  .array(z.string().trim().toLowerCase().refine((id) => Boolean(getProvider(id)), "is not a supported provider"))
  .max(20);

const fields = {
  name: plainText(100, 1),
  allowed_providers: providerList,
  limit: z.number().int().min(0).max(100_000_000).nullable(),
  limit_reset: z.enum(["daily", "weekly", "monthly", "never"]),
  strategy: z.enum(API_STRATEGIES).nullable(),
  // Dollars, to the millionth; null removes the budget.
  limit_usd: z.number().finite().min(0).max(1_000_000_000).refine((usd) => Math.abs(usd * 1e6 - Math.round(usd * 1e6)) < 1e-6, "must be in whole millionths of a dollar").nullable(),
  limit_usd_reset: z.enum(["daily", "weekly", "monthly", "never"]),
};

export const createKeySchema = z.strictObject({
  name: fields.name,
  label: z.string().optional(),
  allowed_providers: fields.allowed_providers.optional(),
  limit: fields.limit.optional(),
  limit_reset: fields.limit_reset.optional(),
  limit_usd: fields.limit_usd.optional(),
  limit_usd_reset: fields.limit_usd_reset.optional(),
  strategy: fields.strategy.optional(),
});

export const updateKeySchema = z.strictObject({
  name: fields.name.optional(),
  disabled: z.boolean().optional(),
  allowed_providers: fields.allowed_providers.optional(),
  limit: fields.limit.optional(),
  limit_reset: fields.limit_reset.optional(),
  limit_usd: fields.limit_usd.optional(),
  limit_usd_reset: fields.limit_usd_reset.optional(),
  strategy: fields.strategy.optional(),
});

export type CreateKeyInput = z.infer<typeof createKeySchema>;
export type UpdateKeyInput = z.infer<typeof updateKeySchema>;
