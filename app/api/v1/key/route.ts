import { handleKeyInfo } from "@/lib/gateway/key-info/handle-key-info";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleKeyInfo(request);
