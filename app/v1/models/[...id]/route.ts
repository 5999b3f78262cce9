import { handleModelPath } from "@/lib/gateway/models/handle-model-path";

type Context = { params: Promise<{ id: string[] }> };

export const dynamic = "force-dynamic";
export const GET = async (request: Request, { params }: Context) =>
  handleModelPath(request, (await params).id.map(decodeURIComponent).join("/"));
