import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { Exchange } from "../types";
import { promptChars } from "./reply";

/** :countTokens, for `{contents}` or `{generateContentRequest}`: the promptTokenCount a call would report. */
export function countTokens(res: ServerResponse, ex: Exchange): Promise<void> {
  const tokens = Math.max(1, Math.ceil(promptChars(ex.body.generateContentRequest ?? ex.body) / 4));
  return replyJson(res, ex, { totalTokens: tokens, promptTokensDetails: [{ modality: "TEXT", tokenCount: tokens }] });
}
