import { randomUUID } from "node:crypto";

/** An item id in OpenAI's style (`msg_…`, `fc_…`, `rs_…`). randomUUID draws from Node's entropy cache. */
export const itemId = (prefix: "msg" | "fc" | "fco" | "rs") => `${prefix}_${randomUUID().replace(/-/g, "")}`;

/** Our generation id as a response id: `gen-abc` → `resp_abc`. */
export const responseId = (generationId: string) => `resp_${generationId.replace(/^gen-/, "")}`;
