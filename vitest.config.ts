import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const resolve = { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } };

// Suites that load the machine for seconds (browsers, production servers, soaks, outage and fault
// drills): one at a time, after the rest, never beside another test's timing.
const HEAVY = [
  "e2e/*.test.ts",
  "e2e/**/*.e2e.test.ts",
  "e2e/api/load-soak.test.ts",
  "e2e/api/mixed-soak.test.ts",
  "e2e/api/upstream-faults.test.ts",
  "e2e/api/redis-outage.test.ts",
  "e2e/api/postgres-outage.test.ts",
  "e2e/api/graceful-shutdown.test.ts",
  "e2e/api/count-tokens-fairness.test.ts",
];

const EXCLUDE = ["node_modules/**", ".next/**", ".data/**"];

const shared = {
  environment: "node" as const,
  setupFiles: ["test/setup-env.ts"],
  testTimeout: 30_000,
  hookTimeout: 180_000,
  // Browser flows wait for a server round trip and a re-render; on a busy 2-core machine that can take seconds.
  expect: { poll: { timeout: 10_000, interval: 100 } },
};

export default defineConfig({
  resolve,
  test: {
    // Once per run (the root project), not once per project.
    globalSetup: ["test/global-setup.ts"],
    projects: [
      {
        resolve,
        test: { ...shared, name: "light", include: ["**/*.test.ts", "**/*.test.tsx"], exclude: [...EXCLUDE, ...HEAVY] },
      },
      {
        resolve,
        // A higher group order runs after the light group has finished, with one worker.
        test: { ...shared, name: "heavy", include: HEAVY, exclude: EXCLUDE, fileParallelism: false, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
