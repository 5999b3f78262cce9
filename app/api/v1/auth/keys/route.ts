import { handleAuthKeys } from "@/lib/auth/handle-auth-keys";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleAuthKeys(request);
export const GET = POST;
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
