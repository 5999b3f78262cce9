import { preflightResponse } from "@/lib/http/cors";
import { handleOpenApi } from "@/lib/openapi/handle-openapi";

export const dynamic = "force-dynamic";
export const GET = () => handleOpenApi();
export const OPTIONS = () => preflightResponse();
