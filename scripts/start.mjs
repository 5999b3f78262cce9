#!/usr/bin/env node
// `npm start`: builds the app when the sources changed since the last build, then serves it.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfStale, root } from "./build-if-stale.mjs";

try {
  buildIfStale();
} catch (error) {
  console.error(`[oauthrouter] ${error.message}`);
  process.exit(1);
}

// server.ts serves the API on a lean path and the rest through Next.js; it handles SIGTERM itself.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server.ts")], {
  cwd: root,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
