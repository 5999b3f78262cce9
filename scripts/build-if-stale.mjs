// Builds the Next.js app when its sources changed since the last build (npm start, test setup).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = ["app", "lib", "components", "public", "instrumentation.ts", "instrumentation-node.ts", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "tsconfig.build.json", "prisma/schema.prisma"];

function* walk(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (!stat.isDirectory()) return yield `${entry}:${stat.size}:${stat.mtimeMs}`;
  for (const child of readdirSync(full).sort()) {
    if (child === "generated" || /\.test\.tsx?$/.test(child)) continue;
    yield* walk(path.join(entry, child));
  }
}

export function buildIfStale() {
  const stamp = createHash("sha256").update(SOURCES.flatMap((s) => [...walk(s)]).join("\n")).digest("hex");
  const stampFile = path.join(root, ".next", "oauthrouter-source-stamp");
  const fresh = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (fresh) return;
  console.log("[oauthrouter] building the app (first start or sources changed)…");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  writeFileSync(stampFile, stamp);
}
