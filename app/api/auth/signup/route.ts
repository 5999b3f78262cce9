import { env } from "@/lib/config/env";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { readJson } from "@/lib/http/read-json";
import { createUser } from "@/lib/services/users/create-user";
import { clientAddress, enforceRateLimit } from "@/lib/security/rate-limit";
import { assertSameOrigin } from "@/lib/security/same-origin";

export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    await enforceRateLimit("sign-up", clientAddress(request), 10, 60 * 60_000);
    const body = (await readJson(request, env().MAX_BODY_BYTES)) as Record<string, unknown>;
    const { user } = await createUser({
      email: String(body.email ?? ""),
      password: String(body.password ?? ""),
      name: typeof body.name === "string" ? body.name : undefined,
      referralCode: typeof body.referralCode === "string" ? body.referralCode : undefined,
    });
    return Response.json({ id: user.id, email: user.email }, { status: 201 });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
