import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { auditEvents, authAccounts, memberships, users, type MemberRole } from "@/db/schema";
import { logger } from "@/lib/logger";
import { findMembership, workspaceExists } from "@/lib/workspace/members";
import { hasPendingInvitation } from "@/lib/workspace/invitations";
import type { OidcSettings, SsoMapping } from "./settings";
import { findUserByEmail, normalizeEmail } from "./users";

/** The claims of an OIDC sign-in that decide who the user is and which workspace they join. */
export interface OidcClaims {
  sub: string;
  email: string | undefined;
  emailVerified: boolean;
  groups: string[];
}

/** Why an SSO sign-in was rejected; the sign-in page shows a message for each as `?error=<code>`. */
export const SSO_DENIALS = {
  noEmail: "sso-no-email",
  unverifiedEmail: "sso-unverified-email",
  notSetUp: "sso-not-set-up",
  ambiguousMapping: "sso-ambiguous-mapping",
  unverifiedLocalUser: "sso-unverified-local-user",
  unverifiedNewUser: "sso-unverified-new-user",
} as const;

export type SsoDenial = (typeof SSO_DENIALS)[keyof typeof SSO_DENIALS];

export type SsoSignInResult = { ok: true; userId: string; joinedWorkspaceId?: string } | { ok: false; reason: SsoDenial };

/** Reads the claims from an ID token's payload; `email_verified` counts only as the boolean `true`. */
export function claimsFromProfile(profile: Record<string, unknown>, settings: Pick<OidcSettings, "groupsClaim" | "trustEmail">): OidcClaims {
  const email = typeof profile.email === "string" && profile.email.includes("@") ? normalizeEmail(profile.email) : undefined;
  const rawGroups = profile[settings.groupsClaim];
  const groups = Array.isArray(rawGroups) ? rawGroups.filter((group): group is string => typeof group === "string") : [];
  return {
    sub: String(profile.sub ?? ""),
    email,
    emailVerified: settings.trustEmail || profile.email_verified === true,
    groups,
  };
}

interface MappedWorkspace {
  workspaceId: string;
  role: MemberRole;
  via: "domain" | "group";
  /** The domain or group that matched. */
  value: string;
}

type MappingMatch = MappedWorkspace | "ambiguous" | undefined;

/**
 * Finds the operator's mapping for the claims: a group in the groups claim, or the e-mail's domain when
 * the identity provider verified the address. Domains match exactly, so `example.com` does not admit
 * `mail.example.com`. Matches that name different workspaces are "ambiguous" and admit no user. Among
 * matches of one workspace, the first in the configured order sets the role.
 */
export function matchMapping(mappings: readonly SsoMapping[], claims: OidcClaims): MappingMatch {
  const domain = claims.email?.slice(claims.email.lastIndexOf("@") + 1);
  const matches = mappings.flatMap((mapping): MappedWorkspace[] => {
    const { workspaceId, role } = mapping;
    if ("group" in mapping) return claims.groups.includes(mapping.group) ? [{ workspaceId, role, via: "group", value: mapping.group }] : [];
    return claims.emailVerified && domain === mapping.domain ? [{ workspaceId, role, via: "domain", value: mapping.domain }] : [];
  });

  const [first] = matches;
  if (!first) return undefined;
  if (matches.some((match) => match.workspaceId !== first.workspaceId)) return "ambiguous";
  return first;
}

async function findUserByProviderAccount(db: Executor, provider: string, sub: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(authAccounts)
    .innerJoin(users, eq(users.id, authAccounts.userId))
    .where(and(eq(authAccounts.provider, provider), eq(authAccounts.providerAccountId, sub)))
    .limit(1);
  return row;
}

/**
 * Resolves an OIDC sign-in to a portal user, in one transaction:
 * 1. the user linked to the IdP's subject, else the user with the same e-mail when both the IdP and an
 *    earlier sign-in verified it (a local user whose address was never verified is never taken over);
 * 2. a user who is not yet a member joins the workspace of the operator's mapping with its role;
 * 3. without membership or mapping, only a user with a pending invitation to a verified address may sign
 *    in, to accept it. Every other user is rejected before any row is written, so no workspace is created.
 */
export async function resolveSsoSignIn(db: Database, provider: string, claims: OidcClaims, mappings: readonly SsoMapping[]): Promise<SsoSignInResult> {
  if (!claims.email || !claims.sub) return { ok: false, reason: SSO_DENIALS.noEmail };
  const email = claims.email;

  return db.transaction(async (tx) => {
    const linked = await findUserByProviderAccount(tx, provider, claims.sub);
    let userId = linked?.id;
    if (!userId) {
      const byEmail = await findUserByEmail(tx, email);
      if (byEmail && !claims.emailVerified) return { ok: false, reason: SSO_DENIALS.unverifiedEmail };
      // Local sign-up never proves the address, so anyone could have registered it before its owner's
      // first SSO sign-in. Such a user is never taken over by SSO.
      if (byEmail && !byEmail.emailVerified) return { ok: false, reason: SSO_DENIALS.unverifiedLocalUser };
      userId = byEmail?.id;
    }

    const member = userId ? await findMembership(tx, userId) : undefined;
    const mapping = member ? undefined : matchMapping(mappings, claims);
    if (mapping === "ambiguous") {
      logger.warn({ event: "sso_mapping_ambiguous", userId }, "SSO mappings for this user name several workspaces");
      return { ok: false, reason: SSO_DENIALS.ambiguousMapping };
    }
    if (mapping && !(await workspaceExists(tx, mapping.workspaceId))) {
      // A mapping to a deleted or mistyped workspace admits no user until the operator fixes XOPS_SSO_MAPPINGS.
      logger.error({ event: "sso_mapping_invalid", workspaceId: mapping.workspaceId, via: mapping.via }, "SSO mapping names a workspace that does not exist");
      return { ok: false, reason: SSO_DENIALS.notSetUp };
    }
    if (!member && !mapping && !(claims.emailVerified && (await hasPendingInvitation(tx, email)))) {
      return { ok: false, reason: SSO_DENIALS.notSetUp };
    }

    // A user is created only for an address the identity provider verified. Otherwise a group member
    // could claim someone else's address before its owner first signs in.
    if (!userId && !claims.emailVerified) return { ok: false, reason: SSO_DENIALS.unverifiedNewUser };
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email, emailVerified: claims.emailVerified ? new Date() : null })
        .returning({ id: users.id });
      userId = created!.id;
    }
    if (!linked) {
      await tx.insert(authAccounts).values({ userId, type: "oidc", provider, providerAccountId: claims.sub });
    }
    if (!mapping) return { ok: true, userId };

    await tx.insert(memberships).values({ workspaceId: mapping.workspaceId, userId, role: mapping.role });
    await tx.insert(auditEvents).values({
      workspaceId: mapping.workspaceId,
      actorUserId: userId,
      action: "member.joined",
      targetType: "member",
      targetId: userId,
      details: { after: { email, role: mapping.role }, via: `sso-${mapping.via}`, mapping: mapping.value },
    });
    return { ok: true, userId, joinedWorkspaceId: mapping.workspaceId };
  });
}
