import { handleDeleteKey, handleGetKey, handleUpdateKey } from "@/lib/management/handle-keys";

type Context = { params: Promise<{ hash: string }> };

export const dynamic = "force-dynamic";
export const GET = async (request: Request, { params }: Context) => handleGetKey(request, (await params).hash);
export const PATCH = async (request: Request, { params }: Context) => handleUpdateKey(request, (await params).hash);
export const DELETE = async (request: Request, { params }: Context) => handleDeleteKey(request, (await params).hash);
