import { currentUser } from "@/lib/auth/current-user";
import { unauthorized } from "@/lib/errors/gateway-error";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { toUsageJson, usageFilters } from "@/lib/services/usage/usage-json";
import { usageSummary } from "@/lib/services/usage/usage-summary";

export const dynamic = "force-dynamic";

/** GET /dashboard/usage/data: the signed-in user's usage summary that the Usage page polls (session cookie only; not part of the API). */
export async function GET(request: Request) {
  try {
    const user = await currentUser();
    if (!user) throw unauthorized("Sign in to see usage");
    const filters = usageFilters(new URL(request.url).searchParams);
    return Response.json(toUsageJson(await usageSummary(user, filters), filters), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
