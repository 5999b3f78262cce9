import { GatewayError } from "@/lib/errors/gateway-error";
import type { InputItem } from "@/lib/dialects/responses/schema";
import { storedConversation, type StoredTurn } from "@/lib/services/responses/stored-responses";

const outputOf = (turn: StoredTurn) => (turn.response.output ?? []) as InputItem[];

export const responseNotFound = (id: string) => new GatewayError(404, "not_found_error", `Response with id '${id}' not found.`, { code: "response_not_found" });

/** Everything the model saw and said up to and including response `id`: what previous_response_id continues. */
export async function previousItems(userId: string, id: string): Promise<InputItem[]> {
  const turns = await storedConversation(userId, id);
  if (!turns.length) {
    throw new GatewayError(404, "not_found_error", `Previous response with id '${id}' not found.`, { param: "previous_response_id", code: "previous_response_not_found" });
  }
  return turns.flatMap((turn) => [...(turn.inputItems as InputItem[]), ...outputOf(turn)]);
}

/** The items response `id` was generated from: the conversation before it, then its own input. */
export async function inputItemsOf(userId: string, id: string): Promise<InputItem[]> {
  const turns = await storedConversation(userId, id);
  if (!turns.length) throw responseNotFound(id);
  const last = turns.at(-1)!;
  return [...turns.slice(0, -1).flatMap((turn) => [...(turn.inputItems as InputItem[]), ...outputOf(turn)]), ...(last.inputItems as InputItem[])];
}
