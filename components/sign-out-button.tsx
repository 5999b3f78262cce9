"use client";

import { signOut } from "next-auth/react";

/**
 * next-auth would send the browser to PUBLIC_URL's host after signing out; the page reloads on
 * the host it is on instead (a site reached as localhost and as 127.0.0.1 stays where it was).
 */
export function SignOutButton() {
  async function signOutHere() {
    await signOut({ redirect: false });
    window.location.assign("/");
  }
  return (
    <button type="button" onClick={signOutHere} className="btn btn-secondary btn-sm shrink-0">
      Sign out
    </button>
  );
}
