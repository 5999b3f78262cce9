import { NextResponse, type NextRequest } from "next/server";
import { pathOf, REQUESTED_PATH_HEADER } from "@/lib/auth/requested-path";

// Tells the dashboard layout which page was asked for, so signing in comes back to it.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, pathOf(request.nextUrl));
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: "/dashboard/:path*" };
