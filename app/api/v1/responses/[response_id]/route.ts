import { handleDeleteResponse, handleGetResponse } from "@/lib/gateway/responses/handle-stored-responses";

type Context = { params: Promise<{ response_id: string }> };

export const dynamic = "force-dynamic";
export const GET = async (request: Request, { params }: Context) => handleGetResponse(request, (await params).response_id);
export const DELETE = async (request: Request, { params }: Context) => handleDeleteResponse(request, (await params).response_id);
