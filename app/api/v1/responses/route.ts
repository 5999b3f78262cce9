import { handleCreateResponse } from "@/lib/gateway/responses/handle-responses";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleCreateResponse(request);
