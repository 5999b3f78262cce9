import { apiPublicUrl, publicUrl } from "@/lib/config/env";

/** Where users reach us, as configured: every example in the docs is written for these. */
export interface DocsHosts {
  /** API_PUBLIC_URL (or PUBLIC_URL): SDK base URLs and curls. */
  apiUrl: string;
  /** PUBLIC_URL: dashboard, docs, OpenAPI document, consent page. */
  publicUrl: string;
}

export function configuredHosts(): DocsHosts {
  return { apiUrl: apiPublicUrl(), publicUrl: publicUrl() };
}
