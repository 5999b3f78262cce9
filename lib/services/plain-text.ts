import { z } from "zod";

// Controls (C0, DEL, C1) and halves of a surrogate pair: nothing a name needs, and NUL or a lone
// surrogate is refused by PostgreSQL's text columns (a 500 on save before).
const CONTROL_OR_LONE_SURROGATE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A name or label people type: one line of printable text, trimmed, at most `max` characters. */
export function plainText(max: number, min = 0, empty = "must not be empty") {
  return z
    .string()
    .trim()
    .min(min, empty)
    .max(max)
    .refine((text) => !CONTROL_OR_LONE_SURROGATE.test(text), "must not contain control characters or unpaired surrogates");
}
