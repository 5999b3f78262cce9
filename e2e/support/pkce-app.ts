import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A tiny third-party app that asks OauthRouter for a key with PKCE (S256), entirely in the browser. */
export function pkceAppPage(routerUrl: string): string {
  return `<!doctype html><html><body>
<button id="connect">Connect OauthRouter</button>
<pre id="result"></pre>
<script>
const router = ${JSON.stringify(routerUrl)};
const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
document.getElementById("connect").onclick = async () => {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem("verifier", verifier);
  const challenge = b64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  location.href = router + "/auth?callback_url=" + encodeURIComponent(location.origin + "/callback") + "&code_challenge=" + challenge + "&code_challenge_method=S256";
};
const params = new URLSearchParams(location.search);
if (location.pathname === "/callback" && params.get("code")) {
  fetch(router + "/api/v1/auth/keys", { method: "POST", body: JSON.stringify({ code: params.get("code"), code_verifier: sessionStorage.getItem("verifier") }) })
    .then((r) => r.json()).then((j) => { document.getElementById("result").textContent = j.key || JSON.stringify(j); });
} else if (params.get("error")) {
  document.getElementById("result").textContent = "error: " + params.get("error");
}
</script></body></html>`;
}

export async function startPkceApp(routerUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(pkceAppPage(routerUrl)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
