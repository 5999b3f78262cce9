import { handleListInputItems } from "@/lib/gateway/responses/handle-stored-responses";

type Context = { params: Promise<{ response_id: string }> };

export const dynamic = "force-dynamic";
export const GET = async (request: Request, { params }: Context) => handleListInputItems(request, (await params).response_id);
