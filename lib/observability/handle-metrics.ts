import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import { notFound, unauthorized } from "@/lib/errors/gateway-error";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { metrics } from "./metrics";

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** GET /metrics, for the operator's Prometheus: only with METRICS_TOKEN set and presented. */
export async function handleMetrics(request: Request): Promise<Response> {
  try {
    const token = env().METRICS_TOKEN;
    if (!token) throw notFound("Metrics are off: set METRICS_TOKEN to enable /metrics");
    const presented = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
    if (!sameSecret(presented, token)) throw unauthorized("Metrics need 'Authorization: Bearer <METRICS_TOKEN>'");
    return new Response(metrics().render(), { headers: { "content-type": "text/plain; version=0.0.4" } });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
