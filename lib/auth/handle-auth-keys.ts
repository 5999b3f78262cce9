import { z } from "zod";
import { env } from "@/lib/config/env";
import { GatewayError } from "@/lib/errors/gateway-error";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { readJson } from "@/lib/http/read-json";
import { exchangeAuthorizationCode } from "@/lib/services/oauth-apps/authorization-codes";
import { clientAddress, enforceRateLimit } from "@/lib/security/rate-limit";
import { LeanResponse } from "@/lib/http/lean-response";

/** The PKCE exchange body. */
export const exchangeSchema = z.object({
  code: z.string().min(1, "is required").max(200),
  code_verifier: z.string().min(1).max(256).optional(),
  code_challenge_method: z.enum(["S256", "plain"]).optional(),
});

/** POST /api/v1/auth/keys: the PKCE code exchange. No token needed: the code is the credential. */
export async function handleAuthKeys(request: Request): Promise<Response> {
  try {
    if (request.method !== "POST") {
      throw new GatewayError(405, "invalid_request_error", "Use POST to exchange a code for a key", { headers: { allow: "POST" } });
    }
    await enforceRateLimit("code exchange", clientAddress(request), 30, 60_000);
    const body = exchangeSchema.parse(await readJson(request, env().MAX_BODY_BYTES));
    const { key, appOrigin } = await exchangeAuthorizationCode(body.code, body.code_verifier, body.code_challenge_method);
    return LeanResponse.json({ key, app: appOrigin });
  } catch (error) {
    return errorResponseFor(request, error);
  }
}
