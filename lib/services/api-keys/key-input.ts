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
};

export const createKeySchema = z.strictObject({
  name: fields.name,
  label: z.string().optional(),
  allowed_providers: fields.allowed_providers.optional(),
  limit: fields.limit.optional(),
  limit_reset: fields.limit_reset.optional(),
  strategy: fields.strategy.optional(),
});

export const updateKeySchema = z.strictObject({
  name: fields.name.optional(),
  disabled: z.boolean().optional(),
  allowed_providers: fields.allowed_providers.optional(),
  limit: fields.limit.optional(),
  limit_reset: fields.limit_reset.optional(),
  strategy: fields.strategy.optional(),
});

export type CreateKeyInput = z.infer<typeof createKeySchema>;
export type UpdateKeyInput = z.infer<typeof updateKeySchema>;
