import { handleListModels } from "@/lib/gateway/models/handle-models";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleListModels(request);
