import type { DocsHosts } from "./hosts";

/** What trips people up, with our hosts filled in. Inline code is marked with backticks. */
export function pitfalls({ apiUrl, publicUrl }: DocsHosts, keepAliveMs: number): Array<{ title: string; text: string }> {
  const separateApiHost = apiUrl !== publicUrl;
  return [
    {
      title: "Wrong base URL",
      text: `OpenAI SDKs and OpenAI-compatible tools take \`${apiUrl}/v1\`. The Anthropic SDK, Claude Code, the Google GenAI SDK and Gemini CLI take \`${apiUrl}\` without /v1: they add their own paths.` +
        (separateApiHost ? ` The API lives on \`${apiUrl}\`, not on the dashboard's \`${publicUrl}\`.` : ""),
    },
    { title: "Trailing slash", text: `Some SDKs break when the base URL ends with /. Use \`${apiUrl}/v1\`, not \`${apiUrl}/v1/\`.` },
    {
      title: "Slow models time out",
      text: `Large models (Claude Opus, o1, deep reasoning) can take a minute or more before the first token. Set your client's timeout to 120 s or more, or stream: a stream gets its headers and a \`: OAUTHROUTER PROCESSING\` comment (\`event: ping\` on /v1/messages) every ${Math.round(keepAliveMs / 1000)} s while the model thinks, even before the provider answers.`,
    },
    {
      title: "Model format",
      text: "Both `provider/model` (`anthropic/claude-sonnet-4-5`) and a bare name (`gpt-4o`) work. A bare name must be in the catalog (GET /v1/models); for anything else, such as a model released yesterday, use `provider/model` and it goes to that provider as written.",
    },
    {
      title: "No credential for the model's provider",
      text: "A 503 with code `no_provider` means none of your credentials (or none this token is allowed to use) belongs to that provider. Add one in Providers, or pick a model of a provider you have.",
    },
    {
      title: "A credential the provider refused",
      text: "A 424 with code `credentials_refused` means you have credentials for the model, but their provider refused every one: the message names each, when and why. Fix the key in Providers (Check again); OauthRouter also checks it again by itself after 1, 5 and 30 minutes, then hourly.",
    },
    {
      title: "Management key or API token",
      text: "`lr_live_` tokens call the API; `lr_mgmt_` keys only manage keys at /api/v1/keys. Each on the other's API gets a 403.",
    },
    {
      title: "Errors inside a stream",
      text: "Once a stream has started, the HTTP status is already 200: a later provider failure arrives as the last chunk, with an `error` object and finish_reason `error`. Check for it.",
    },
  ];
}
