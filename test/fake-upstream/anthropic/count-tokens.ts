import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { Exchange } from "../types";
import { promptChars } from "./reply";

/** POST /v1/messages/count_tokens: the same input_tokens a Messages call would report. */
export function countTokens(res: ServerResponse, ex: Exchange): Promise<void> {
  return replyJson(res, ex, { input_tokens: Math.max(1, Math.ceil(promptChars(ex.body) / 4)) });
}
