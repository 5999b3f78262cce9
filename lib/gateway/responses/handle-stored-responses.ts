import { z } from "zod";
import { authenticateApiToken } from "@/lib/auth/api-token";
import { badRequest } from "@/lib/errors/gateway-error";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { deleteResponse, findResponse } from "@/lib/services/responses/stored-responses";
import { inputItemsOf, responseNotFound } from "./conversation";
import { LeanResponse } from "@/lib/http/lean-response";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(["asc", "desc"]).default("desc"),
  after: z.string().min(1).optional(),
});

/** GET /v1/responses/{id}: a stored response of the caller's account. */
export async function handleGetResponse(request: Request, id: string): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    if (new URL(request.url).searchParams.get("stream") === "true") throw badRequest("Streaming a stored response again is not supported; retrieve it without stream", "stream");
    const response = await findResponse(caller.userId, id);
    if (!response) throw responseNotFound(id);
    return LeanResponse.json(response);
  } catch (error) {
    return errorResponseFor(request, error);
  }
}

/** DELETE /v1/responses/{id}: forgets a stored response (the conversation before it stays). */
export async function handleDeleteResponse(request: Request, id: string): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    if (!(await deleteResponse(caller.userId, id))) throw responseNotFound(id);
    return LeanResponse.json({ id, object: "response", deleted: true });
  } catch (error) {
    return errorResponseFor(request, error);
  }
}

/** GET /v1/responses/{id}/input_items: what the model was given for it, newest first by default, by pages. */
export async function handleListInputItems(request: Request, id: string): Promise<Response> {
  try {
    const caller = await authenticateApiToken(request);
    const query = listQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const items = (await inputItemsOf(caller.userId, id)) as Array<{ id?: string }>;
    const ordered = query.order === "desc" ? items.reverse() : items;
    const start = query.after ? ordered.findIndex((item) => item.id === query.after) + 1 : 0;
    const page = start > 0 || !query.after ? ordered.slice(start, start + query.limit) : [];
    return LeanResponse.json({ object: "list", data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: start + page.length < ordered.length && page.length > 0 });
  } catch (error) {
    return errorResponseFor(request, error);
  }
}
