import { handleEmbeddings } from "@/lib/gateway/embeddings/handle-embeddings";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => handleEmbeddings(request);
