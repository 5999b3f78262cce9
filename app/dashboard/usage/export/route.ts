import { currentUser } from "@/lib/auth/current-user";
import { unauthorized } from "@/lib/errors/gateway-error";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { usageCsv } from "@/lib/services/usage/usage-csv";
import { usageFilters } from "@/lib/services/usage/usage-filter";

export const dynamic = "force-dynamic";

/** GET /dashboard/usage/export: the signed-in user's usage rows under the page's filters, as CSV. */
export async function GET(request: Request) {
  try {
    const user = await currentUser();
    if (!user) throw unauthorized("Sign in to export usage");
    const filters = usageFilters(new URL(request.url).searchParams);
    const name = `usage-${filters.range.fromDay}-to-${filters.range.toDay}.csv`;
    return new Response(await usageCsv(user.id, filters), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
