import { handleCreateKey, handleListKeys } from "@/lib/management/handle-keys";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleListKeys(request);
export const POST = (request: Request) => handleCreateKey(request);
