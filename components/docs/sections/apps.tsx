import { CodeBlock } from "@/components/code-block";
import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { C, DocSection, Endpoint, Prose, Snippets } from "../doc-parts";

function browserExample(hosts: DocsHosts) {
  return `// 1. Make a verifier, keep it, and send the user to the consent page
const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
sessionStorage.setItem("verifier", verifier);
const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
location.href = "${hosts.publicUrl}/auth?callback_url=" + encodeURIComponent("https://yourapp.example/callback")
  + "&code_challenge=" + challenge + "&code_challenge_method=S256";

// 2. Back on https://yourapp.example/callback?code=…, exchange the code for a key
const code = new URLSearchParams(location.search).get("code");
const res = await fetch("${hosts.apiUrl}/api/v1/auth/keys", {
  method: "POST",
  body: JSON.stringify({ code, code_verifier: sessionStorage.getItem("verifier") }),
});
const { key } = await res.json();   // an lr_live_ key for this user; store it safely`;
}

export function AppsSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  return (
    <DocSection id="apps" title="Apps (OAuth PKCE)" lead="Your app can ask a user for a key of their own in one click, without the user copying anything: OAuth with PKCE, as OpenRouter's apps do.">
      <ol className="max-w-3xl list-decimal space-y-2 pl-5 leading-relaxed text-zinc-700 dark:text-zinc-300">
        <li>Send the user to <C>{hosts.publicUrl}/auth?callback_url=…</C>, with a <C>code_challenge</C> (<C>code_challenge_method=S256</C> recommended: base64url of the SHA-256 of your verifier).</li>
        <li>The user signs in and approves. Their browser comes back to your callback with <C>?code=…</C> (or <C>?error=access_denied</C>). Codes are single-use and expire after 5 minutes.</li>
        <li>Exchange the code, with the verifier, for an <C>lr_live_</C> key. No token is needed, and it works from the browser.</li>
      </ol>
      <Endpoint method="GET" url={`${hosts.publicUrl}/auth`} note="consent page" />
      <Endpoint method="POST" url={`${hosts.apiUrl}/api/v1/auth/keys`} />
      <CodeBlock label="In the browser" code={browserExample(hosts)} />
      <Snippets items={[api.codeExchange]} />
      <Prose>
        The key is listed on the user&apos;s Keys page (and in the management API with your app&apos;s origin as app_origin); they can disable or delete it at any time. Callback URLs must be https (http only on localhost).
      </Prose>
    </DocSection>
  );
}
