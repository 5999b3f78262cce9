import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { publicUrl } from "@/lib/config/env";
import { secrets } from "@/lib/config/secrets";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

/**
 * Email and password sign-in with signed JWT sessions: they survive restarts because the secret is
 * persistent, and `sessionVersion` lets a password change sign every other session out.
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

const buildOptions = (secret: string): NextAuthOptions => ({
  secret,
  // Session, CSRF and callback cookies are HttpOnly and SameSite=Lax (next-auth's defaults), and
  // Secure with the __Secure-/__Host- prefixes whenever the site is served over https.
  useSecureCookies: publicUrl().startsWith("https://"),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sessionVersion: token.sessionVersion ?? 0 });
      return session;
    },
  },
});
