import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { openEmbedded } from "./open-embedded";

it("opens the embedded database with its smaller buffer pool, again after a restart", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "oauthrouter-embedded-"));
  for (let start = 0; start < 2; start++) {
    const database = await openEmbedded(dataDir);
    try {
      const [{ shared_buffers }] = (await database.pglite!.query<{ shared_buffers: string }>("SHOW shared_buffers")).rows;
      expect(shared_buffers).toBe("32MB");
    } finally {
      await database.close();
    }
  }
}, 60_000);
