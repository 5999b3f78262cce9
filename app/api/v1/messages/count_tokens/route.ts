import { handleCountTokens } from "@/lib/gateway/messages/handle-messages";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleCountTokens(request);
