import { handleGeneration } from "@/lib/gateway/generation/handle-generation";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleGeneration(request);
