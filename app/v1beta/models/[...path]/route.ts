import { handleGeminiGetModel, handleGeminiModelPost } from "@/lib/gateway/gemini/handle-gemini-models";

type Context = { params: Promise<{ path: string[] }> };

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleGeminiModelPost(request);
export const GET = async (request: Request, { params }: Context) =>
  handleGeminiGetModel(request, (await params).path.map(decodeURIComponent).join("/"));
