import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { findMembership } from "@/lib/workspace/members";
import { currentUserId } from "./session";

/**
 * Loads the signed-in member for a page, or redirects to /signin. Pages call it themselves: the proxy
 * only redirects and is not the security boundary.
 */
export const requirePageMember = cache(async () => {
  const userId = await currentUserId();
  if (!userId) redirect("/signin");

  const db = await getDb();
  const member = await findMembership(db, userId);
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  if (!member || !user) redirect("/signin/no-workspace");

  return { db, member, email: user.email };
});
