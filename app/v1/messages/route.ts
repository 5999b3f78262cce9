import { handleMessages } from "@/lib/gateway/messages/handle-messages";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleMessages(request);
