// How the production server process is started: `npm start`, the benchmark and the browser tests
// all run this same command on the bundle that build-if-stale.mjs writes.
import path from "node:path";
import { root, SERVER_BUNDLE } from "./build-if-stale.mjs";

// A small young generation and two malloc arenas keep resident memory near the live heap (about
// 100 MB less under load) for a few percent more GC work; both can be overridden.
const NODE_FLAGS = ["--max-semi-space-size=8"];

export function serverCommand(extraEnv = {}) {
  return {
    command: process.execPath,
    args: [...NODE_FLAGS, path.join(root, SERVER_BUNDLE)],
    env: { MALLOC_ARENA_MAX: "2", ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true", ...extraEnv },
  };
}
