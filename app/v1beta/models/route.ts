import { handleGeminiListModels } from "@/lib/gateway/gemini/handle-gemini-models";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleGeminiListModels(request);
