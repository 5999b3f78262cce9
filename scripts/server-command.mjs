// How the production server process is started: `npm start`, the benchmark and the browser tests
// all run this same command on the bundle that build-if-stale.mjs writes.
import path from "node:path";
import { root, SERVER_BUNDLE } from "./build-if-stale.mjs";

// A small young generation and two malloc arenas keep resident memory near the live heap (about
// 100 MB less under load) for a few percent more GC work. The old generation may grow to 1.5x what
// survived the last full collection before the next one: V8's own factor (up to 4x) let garbage
// reach 110-125 MB over a live heap of about 35 MB. Measured on the bench: peak RSS under the short
// load 263 -> 198 MB, memory per open stream at 5,000 streams 125 -> 50 KB, CPU per request within
// the noise, 5-15% more CPU per event with 5,000 streams open (a large live heap is marked more
// often). 1.2x cost 30%.
const V8_FLAGS = ["--max-semi-space-size=8", "--heap-growing-percent=50"];

const flagName = (flag) => flag.split("=")[0];

/** Our V8 flags, less those NODE_OPTIONS sets (the command line would win over NODE_OPTIONS). */
export function v8Flags(nodeOptions = "") {
  const set = new Set(nodeOptions.split(/\s+/).filter(Boolean).map(flagName));
  return V8_FLAGS.filter((flag) => !set.has(flagName(flag)));
}

export function serverCommand(extraEnv = {}) {
  const env = { MALLOC_ARENA_MAX: "2", ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true", ...extraEnv };
  return { command: process.execPath, args: [...v8Flags(env.NODE_OPTIONS), path.join(root, SERVER_BUNDLE)], env };
}
