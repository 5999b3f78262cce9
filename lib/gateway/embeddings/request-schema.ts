import { z } from "zod";
import { modelNameSchema } from "@/lib/providers/model-name";

/** What users send to /v1/embeddings. */
export const embeddingsRequestSchema = z.looseObject({
  model: modelNameSchema,
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048), z.array(z.number().int()), z.array(z.array(z.number().int()))]),
  encoding_format: z.enum(["float", "base64"]).optional(),
  dimensions: z.number().int().positive().max(16_384).optional(),
  user: z.string().max(256).optional(),
  input_type: z.string().max(64).optional(),
});
