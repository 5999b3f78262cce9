import { spawn, type ChildProcess } from "node:child_process";

export interface ApiProcess {
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Another instance of the API, in its own process, with the given environment. */
export function spawnApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "test/support/api-process.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API process did not start:\n${log}`)), 30_000);
    child.stderr!.on("data", (d) => (log += d));
    child.stdout!.on("data", (d) => {
      log += d;
      const url = /LISTENING (\S+)/.exec(log)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        output: () => log,
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
        }),
      });
    });
    child.once("exit", (code) => reject(new Error(`API process exited (${code}):\n${log}`)));
  });
}

/** A chat request to one instance, as a client would send it. */
export function chatOn(instance: ApiProcess, token: string, content = "x"): Promise<Response> {
  return fetch(`${instance.url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content }] }),
  });
}

/** Creates an API key through an instance's management API; throws unless it answers 201. */
export async function createKeyOn(instance: ApiProcess, mgmt: string, body: Record<string, unknown>): Promise<{ key: string; data: { hash: string } }> {
  const response = await fetch(`${instance.url}/api/v1/keys`, { method: "POST", headers: { authorization: `Bearer ${mgmt}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`creating a key answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { key: string; data: { hash: string } };
}
