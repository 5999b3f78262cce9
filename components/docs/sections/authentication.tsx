import { apiSnippets } from "@/lib/docs/api-snippets";
import type { DocsHosts } from "@/lib/docs/hosts";
import { C, DefinitionRows, DocSection, Note, Prose, Snippets } from "../doc-parts";

const PLACES = [
  { key: "bearer", name: "Authorization: Bearer", kind: "OpenAI SDKs, most tools", text: "The usual place. Claude Code's ANTHROPIC_AUTH_TOKEN sends it here too." },
  { key: "x-api-key", name: "x-api-key", kind: "Anthropic SDK", text: "What the Anthropic SDK and ANTHROPIC_API_KEY send." },
  { key: "x-goog-api-key", name: "x-goog-api-key", kind: "Google GenAI SDK", text: "What Google's SDKs and Gemini CLI send." },
  { key: "key", name: "?key=", kind: "Gemini REST", text: "A query parameter, as in Google's curl examples, on the Gemini-native /v1beta endpoints only (elsewhere a token in the URL is refused with 401). It ends up in logs and history: prefer a header." },
  { key: "x-oauthrouter-key", name: "x-oauthrouter-key", kind: "pass-through", text: "Wins over the others, so your own provider credential can travel in the standard headers (Claude Code signed in with your Claude account)." },
];

export function AuthenticationSection({ hosts }: { hosts: DocsHosts }) {
  const api = apiSnippets(hosts);
  return (
    <DocSection id="authentication" title="Authentication" lead="Every request carries one of your tokens. Tokens start with lr_live_, are shown on My API and on the Keys page, and are stored only as hashes.">
      <Prose>Every endpoint reads the token from whichever place your client uses:</Prose>
      <DefinitionRows label="Where the token goes" rows={PLACES} />
      <Prose>
        Management keys (<C>lr_mgmt_…</C>, from the Keys page) are a second kind: they only call the <a href="#key-management" className="link">key management API</a>, and an <C>lr_live_</C> token cannot call it.
        A disabled or deleted token stops working on every server at once.
      </Prose>
      <Prose>Ask what the calling token may still do: its own limit, the plan&apos;s messages this month, and when they reset.</Prose>
      <Snippets items={[api.keyInfo]} />
      <Note>
        <C>/api/v1/...</C> paths work as well as <C>/v1/...</C> for every OpenAI-style endpoint, so clients written for OpenRouter&apos;s paths work unchanged.
      </Note>
    </DocSection>
  );
}
