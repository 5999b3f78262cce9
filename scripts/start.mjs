#!/usr/bin/env node
// `npm start`: builds the app when the sources changed since the last build, then serves it.
import { spawn } from "node:child_process";
import { buildIfStale, root } from "./build-if-stale.mjs";
import { serverCommand } from "./server-command.mjs";

try {
  buildIfStale();
} catch (error) {
  console.error(`[oauthrouter] ${error.message}`);
  process.exit(1);
}

// The bundled server.ts serves the API on a lean path and the rest through Next.js; it handles
// SIGTERM and SIGINT itself, draining once however many arrive. A signal sent to this process alone
// is passed on; one sent to the whole group (systemd, Ctrl-C) reaches the server directly as well.
const { command, args, env } = serverCommand();
const server = spawn(command, args, { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
