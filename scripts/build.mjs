#!/usr/bin/env node
// `npm run build`: the Next.js app and the server bundle, whether or not the sources changed.
import { rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale, root } from "./build-if-stale.mjs";

rmSync(path.join(root, ".next", "oauthrouter-source-stamp"), { force: true });
try {
  buildIfStale();
} catch (error) {
  console.error(`[oauthrouter] ${error.message}`);
  process.exit(1);
}
