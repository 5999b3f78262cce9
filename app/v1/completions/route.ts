import { handleCompletions } from "@/lib/gateway/completions/handle-completions";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleCompletions(request);
