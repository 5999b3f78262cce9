import { z } from "zod";
import { authenticateManagementKey } from "@/lib/auth/management-key";
import { env } from "@/lib/config/env";
import { notFound } from "@/lib/errors/gateway-error";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { readJson } from "@/lib/http/read-json";
import { createKeySchema, updateKeySchema } from "@/lib/services/api-keys/key-input";
import { createKey, deleteKey, getKey, listKeys, updateKey } from "@/lib/services/api-keys/manage-keys";
import { LeanResponse } from "@/lib/http/lean-response";

const listQuery = z.object({
  offset: z.coerce.number().int().min(0, "must be 0 or more").default(0),
  include_disabled: z.enum(["true", "false"]).default("true"),
});

function checkHash(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw notFound("No API key with that hash");
  return hash;
}

/** Runs a management handler with the caller's account, rendering any failure once. */
function managed(handler: (userId: string, request: Request, hash: string) => Promise<Response>) {
  return async (request: Request, hash = ""): Promise<Response> => {
    try {
      const { userId } = await authenticateManagementKey(request);
      return await handler(userId, request, hash);
    } catch (error) {
      return errorResponseFor(request, error);
    }
  };
}

/** GET /api/v1/keys?offset=N */
export const handleListKeys = managed(async (userId, request) => {
  const query = listQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return LeanResponse.json({ data: await listKeys(userId, query.offset, query.include_disabled === "true") });
});

/** POST /api/v1/keys: the key is in the answer once and never again. */
export const handleCreateKey = managed(async (userId, request) => {
  const input = createKeySchema.parse(await readJson(request, env().MAX_BODY_BYTES));
  return LeanResponse.json(await createKey(userId, input), { status: 201 });
});

export const handleGetKey = managed(async (userId, _request, hash) =>
  LeanResponse.json({ data: await getKey(userId, checkHash(hash)) }),
);

export const handleUpdateKey = managed(async (userId, request, hash) => {
  checkHash(hash);
  const input = updateKeySchema.parse(await readJson(request, env().MAX_BODY_BYTES));
  return LeanResponse.json({ data: await updateKey(userId, hash, input) });
});

export const handleDeleteKey = managed(async (userId, _request, hash) => {
  await deleteKey(userId, checkHash(hash));
  return LeanResponse.json({ deleted: true, hash });
});
