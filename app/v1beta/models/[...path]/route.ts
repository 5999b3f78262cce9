import { handleGenerateContent } from "@/lib/gateway/gemini/handle-generate-content";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleGenerateContent(request);
