import { handleMetrics } from "@/lib/observability/handle-metrics";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleMetrics(request);
