import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * A browser's side of the dashboard without a browser: a cookie jar, next-auth's CSRF-token
 * sign-in, and server actions posted as a form without JavaScript posts them.
 */
export class WebSession {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** A request with this session's cookies; redirects are returned, not followed. */
  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Signs in through next-auth's credentials endpoint, as the sign-in page does. */
  async signIn(email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...extraHeaders },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${this.baseUrl}/dashboard` }),
    });
  }

  signedIn(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"));
  }

  /**
   * Posts a server action the way a form does before JavaScript loads (multipart, with the
   * action's id as a field), to the page that renders it. A form driven by useActionState binds
   * its previous state as the first argument: pass `previousState` to post that encoding.
   */
  async action(file: string, name: string, fields: Record<string, string>, options: { headers?: Record<string, string>; previousState?: unknown } = {}): Promise<Response> {
    const { id, page } = serverAction(file, name);
    const form = new FormData();
    if (options.previousState === undefined) form.set(`$ACTION_ID_${id}`, "");
    else {
      form.set("$ACTION_REF_1", "");
      form.set("$ACTION_1:0", JSON.stringify({ id, bound: "$@1" }));
      form.set("$ACTION_1:1", JSON.stringify([options.previousState]));
    }
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return this.fetch(page, { method: "POST", body: form, headers: options.headers ?? { origin: this.baseUrl } });
  }
}

export async function signUp(baseUrl: string, email: string, password: string): Promise<WebSession> {
  const created = await fetch(`${baseUrl}/api/auth/signup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (created.status !== 201) throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
  const session = new WebSession(baseUrl);
  await session.signIn(email, password);
  if (!session.signedIn()) throw new Error("sign-in after sign-up set no session cookie");
  return session;
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

/** A server action's id and a page that serves it, from the build's server-reference manifest. */
export function serverAction(file: string, name: string): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`No server action ${name} in ${file}`);
  const worker = Object.keys(found[1].workers)[0];
  return { id: found[0], page: worker.replace(/^app/, "").replace(/\/page$/, "") || "/" };
}
