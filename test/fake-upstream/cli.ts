// Standalone fake upstream: `npx tsx test/fake-upstream/cli.ts --port 4010 [--latency 50] [--host 127.0.0.1]`.
// Prints `FAKE <url>` once listening (the benchmark waits for that line); requests are not recorded.
import { parseArgs } from "node:util";
import { startFakeUpstream } from "./server";

const { values } = parseArgs({
  options: { port: { type: "string", default: "0" }, latency: { type: "string", default: "0" }, host: { type: "string", default: "127.0.0.1" } },
});
const fake = await startFakeUpstream({ port: Number(values.port), latencyMs: Number(values.latency), host: values.host, record: false });
console.log(`FAKE ${fake.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void fake.close().then(() => process.exit(0)));
