import { randomFillSync } from "node:crypto";

// Random bytes drawn from a pool refilled 4 KiB at a time: one system call per ~340 ids, not one each.
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

function randomSlice(size: number): Buffer {
  if (offset + size > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  offset += size;
  return POOL.subarray(offset - size, offset);
}

/** The id of one request, returned as `id` and `X-Generation-Id` and used as the usage row's key. */
export function newGenerationId(): string {
  return `gen-${Date.now().toString(36)}${randomSlice(12).toString("base64url")}`;
}
