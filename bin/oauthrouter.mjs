#!/usr/bin/env node
// The operator CLI: `npx oauthrouter --help`. Runs the TypeScript sources through tsx.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// Once a command is done, nothing may keep the process alive: a handle still open after this
// long is named (a bug to fix) and the CLI exits anyway. Unref'd: it never delays a clean exit.
const EXIT_GRACE_MS = 10_000;

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
setTimeout(() => {
  const open = process.getActiveResourcesInfo().join(", ");
  process.stderr.write(`oauthrouter: the command is done but handles are still open (${open}); exiting\n`);
  process.exit();
}, EXIT_GRACE_MS).unref();
