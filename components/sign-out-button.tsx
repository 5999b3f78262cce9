"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="btn btn-secondary btn-sm shrink-0">
      Sign out
    </button>
  );
}
