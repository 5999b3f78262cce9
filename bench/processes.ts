import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

export interface Running {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a process and waits for the line `<MARKER> <url>` on its output. */
export function startProcess(args: string[], env: Record<string, string>, marker: string, timeoutMs = 120_000): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} did not start:\n${log}`)), timeoutMs);
    const onData = (data: Buffer) => {
      log += data;
      // Plain text or a JSON log line: the URL ends at white space or a quote.
      const url = new RegExp(`${marker} (https?://[^\\s"']+)`).exec(log)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.stdout!.resume();
      resolve({
        url: url.replace("//localhost:", "//127.0.0.1:"),
        pid: child.pid!,
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
        }),
      });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d) => (log += d));
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code}):\n${log}`)));
  });
}

/** The operator CLI, as a self-hoster would run it; returns its --json output. */
export function cli(args: string[], env: Record<string, string>): Record<string, unknown> {
  const result = spawnSync(process.execPath, ["bin/oauthrouter.mjs", ...args, "--json"], { cwd: process.cwd(), env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`oauthrouter ${args.join(" ")} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak and current resident memory of a process, in MB. */
export function memoryMb(pid: number): { peak: number; current: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: kb("VmHWM") / 1024, current: kb("VmRSS") / 1024 };
}

/**
 * With two or more CPUs, the server under test gets the last one to itself and the load generator
 * and fake upstream share the rest, as if they ran on other machines; without taskset, nothing is pinned.
 */
export const pinning = (() => {
  const cpus = availableParallelism();
  const usable = cpus >= 2 && spawnSync("taskset", ["-V"]).status === 0;
  const pin = (pid: number, list: string) => void (usable && spawnSync("taskset", ["-a", "-p", "-c", list, String(pid)], { stdio: "ignore" }));
  return {
    enabled: usable,
    server: (pid: number) => pin(pid, String(cpus - 1)),
    load: (pid: number) => pin(pid, cpus > 2 ? `0-${cpus - 2}` : "0"),
  };
})();

/**
 * Open-file limit of a process, its soft limit first raised to the hard one (prlimit, util-linux):
 * a proxy in front of 5,000 streams holds 10,000 sockets. Returns the soft limit it now has.
 */
export function raiseFileLimit(pid: number): number {
  const read = () => spawnSync("prlimit", ["--pid", String(pid), "--nofile", "--raw", "--noheadings", "-o", "SOFT,HARD"], { encoding: "utf8" });
  const before = read();
  if (before.status !== 0) return Number(spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).stdout.trim()) || 0;
  const [soft, hard] = before.stdout.trim().split(/\s+/);
  if (soft !== hard) spawnSync("prlimit", ["--pid", String(pid), `--nofile=${hard}:${hard}`], { stdio: "ignore" });
  const [now] = read().stdout.trim().split(/\s+/);
  return now === "unlimited" ? Infinity : Number(now);
}
