import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { auth } from "@/lib/auth/config";
import { countAccounts } from "@/lib/accounts/queries";
import { findMembership } from "@/lib/workspace/members";

// Redirects only: pages, actions and route handlers check the session and role themselves.
export const proxy = auth(async (request) => {
  const { pathname, search } = request.nextUrl;
  const userId = request.auth?.user?.id;
  const isSignIn = pathname === "/signin" || pathname.startsWith("/signin/");
  // An invitation page explains itself to signed-out users and to users without a workspace.
  const isInvitation = pathname.startsWith("/invite/");

  if (!userId) {
    if (isSignIn || isInvitation) return NextResponse.next();
    const target = new URL("/signin", request.nextUrl);
    if (pathname !== "/") target.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(target);
  }
  if (isSignIn || isInvitation || pathname.startsWith("/onboarding")) return NextResponse.next();

  const db = await getDb();
  const member = await findMembership(db, userId);
  if (member && (await countAccounts(db, member.workspaceId)) === 0) {
    return NextResponse.redirect(new URL("/onboarding", request.nextUrl));
  }
  return NextResponse.next();
});

export const config = {
  // Pages only: API routes, Next.js assets and files with an extension are not redirected.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
