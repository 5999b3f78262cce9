import { handleModelEndpoints } from "./handle-model-endpoints";
import { handleCountModels, handleGetModel } from "./handle-models";

/** GET /v1/models/… for the Next.js catch-all route: the count, a model's endpoints, or the model itself. */
export function handleModelPath(request: Request, id: string): Promise<Response> {
  if (id === "count") return handleCountModels(request);
  if (id.endsWith("/endpoints")) return handleModelEndpoints(request, id.slice(0, -"/endpoints".length));
  return handleGetModel(request, id);
}
