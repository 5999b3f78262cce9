import { handleGetModel } from "@/lib/gateway/models/handle-models";

type Context = { params: Promise<{ id: string[] }> };

export const dynamic = "force-dynamic";
export const GET = async (request: Request, { params }: Context) =>
  handleGetModel(request, (await params).id.map(decodeURIComponent).join("/"));
