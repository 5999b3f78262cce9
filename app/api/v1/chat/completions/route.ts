import { handleChatCompletions } from "@/lib/gateway/chat/handle-chat-completions";

export const dynamic = "force-dynamic";
export const POST = handleChatCompletions;
