import { getDb, type Database } from "@/db/client";
import type { MemberRole } from "@/db/schema";
import { currentUserId } from "@/lib/auth/session";
import { findMembership, type Member } from "@/lib/workspace/members";

/**
 * Authenticates a route handler's request and resolves the member, or returns the error response:
 * 401 when signed out, 403 without a workspace or with a role not in `roles`.
 */
export async function requireRouteMember(roles: readonly MemberRole[]): Promise<{ db: Database; member: Member } | Response> {
  const userId = await currentUserId();
  if (!userId) return Response.json({ error: "Sign in to continue." }, { status: 401 });

  const db = await getDb();
  const member = await findMembership(db, userId);
  if (!member) return Response.json({ error: "Your user is not a member of any workspace." }, { status: 403 });
  if (!roles.includes(member.role)) return Response.json({ error: `Your role (${member.role}) may not do this.` }, { status: 403 });
  return { db, member };
}
