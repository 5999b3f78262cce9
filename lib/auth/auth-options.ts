import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { publicUrl } from "@/lib/config/env";
import { secrets } from "@/lib/config/secrets";
import { errorReason, log } from "@/lib/observability/logger";
import { sameSiteRedirect } from "@/lib/security/safe-redirect";
import { endUserSession, isUserSessionLive, openUserSession, SESSION_MAX_AGE_SECONDS } from "@/lib/services/users/user-sessions";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

/**
 * Email and password sign-in with signed JWT sessions: they survive restarts because the secret is
 * persistent. Each names a session row (`sid`): signing out deletes it, so a copied cookie dies
 * with the original; `sessionVersion` and a new password end every session of the account.
 */
let cached: NextAuthOptions | undefined;

/** Built on first use, not at import, so `next build` needs no secrets. */
export function authOptions(): NextAuthOptions {
  // next-auth v4 reads these from the environment; the embedded default derives them.
  process.env.NEXTAUTH_URL ??= publicUrl();
  process.env.NEXTAUTH_SECRET ??= secrets().authSecret;
  cached ??= buildOptions(secrets().authSecret);
  return cached;
}

/** Thrown from the jwt callback: next-auth then clears the cookie and reports no session. */
class SessionEnded extends Error {
  constructor() {
    super("session ended (signed out, new password or account deleted)");
  }
}

const buildOptions = (secret: string): NextAuthOptions => ({
  secret,
  // Session, CSRF and callback cookies are HttpOnly and SameSite=Lax (next-auth's defaults), and
  // Secure with the __Secure-/__Host- prefixes whenever the site is served over https.
  useSecureCookies: publicUrl().startsWith("https://"),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = await verifyCredentials(credentials.email, credentials.password);
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = await openUserSession(user.id);
        return token;
      }
      if (typeof token.sid !== "string" || !token.sub || !(await isUserSessionLive(token.sid, token.sub))) throw new SessionEnded();
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sessionVersion: token.sessionVersion ?? 0 });
      return session;
    },
    // next-auth's default throws on a callbackUrl that is no URL (`http://host:4201.evil.example/`).
    redirect: ({ url, baseUrl }) => sameSiteRedirect(url, baseUrl),
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endUserSession(token.sid);
    },
  },
  logger: {
    error(code, metadata) {
      const error = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
      if (error instanceof SessionEnded) return log.debug("ended session presented", { code });
      log.error(`next-auth: ${code}`, { error: errorReason(error) });
    },
    warn: (code) => log.warn(`next-auth: ${code}`),
    debug: () => undefined,
  },
});
