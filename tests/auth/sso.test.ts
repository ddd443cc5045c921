import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { authAccounts, memberships, users } from "@/db/schema";
import { guardedDeleteAccount, guardedRenameAccount } from "@/lib/accounts/guarded";
import { ssoMappings, type SsoMapping } from "@/lib/auth/settings";
import { claimsFromProfile, matchMapping, resolveSsoSignIn, type OidcClaims } from "@/lib/auth/sso";
import { guardedInviteMember } from "@/lib/workspace/actions";
import { insertAccount } from "../helpers/accounts";
import { openTestDatabase } from "../helpers/database";
import { snapshotMemberTables } from "../helpers/members";
import { testSession } from "../helpers/session";
import { createWorkspace, type TestWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let acme: TestWorkspace;
let globex: TestWorkspace;
let mappings: SsoMapping[];
let subCounter = 0;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});

afterAll(async () => {
  await closeDb();
});

beforeEach(async () => {
  acme = await createWorkspace(db);
  globex = await createWorkspace(db);
  mappings = [
    { domain: "acme.test", workspaceId: acme.workspaceId, role: "viewer" },
    { group: "aws-admins", workspaceId: acme.workspaceId, role: "admin" },
    { domain: "globex.test", workspaceId: globex.workspaceId, role: "viewer" },
  ];
});

function claims(overrides: Partial<OidcClaims> = {}): OidcClaims {
  subCounter += 1;
  return { sub: `idp-subject-${subCounter}-${Date.now()}`, email: `user${subCounter}@acme.test`, emailVerified: true, groups: [], ...overrides };
}

function signIn(input: OidcClaims, withMappings = mappings) {
  return resolveSsoSignIn(db, "oidc", input, withMappings);
}

async function membershipsOf(userId: string) {
  return db.select({ workspaceId: memberships.workspaceId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
}

describe("SSO domain mapping", () => {
  it("adds a verified e-mail of a mapped domain with the mapped role", async () => {
    const result = await signIn(claims());

    expect(result).toEqual({ ok: true, userId: expect.any(String), joinedWorkspaceId: acme.workspaceId });
    expect(await membershipsOf(result.ok ? result.userId : "")).toEqual([{ workspaceId: acme.workspaceId, role: "viewer" }]);
  });

  it("ignores the domain of an unverified e-mail", async () => {
    const before = await snapshotMemberTables(db);

    const result = await signIn(claims({ emailVerified: false }));

    expect(result).toEqual({ ok: false, reason: "sso-not-set-up" });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("does not match a subdomain", async () => {
    const result = await signIn(claims({ email: "eve@evil.acme.test" }));

    expect(result).toEqual({ ok: false, reason: "sso-not-set-up" });
  });

  it("does not match a domain that ends like a mapped one", async () => {
    const result = await signIn(claims({ email: "eve@notacme.test" }));

    expect(result).toEqual({ ok: false, reason: "sso-not-set-up" });
  });

  it("writes nothing for a user with no mapping and no invitation", async () => {
    const before = await snapshotMemberTables(db);

    const result = await signIn(claims({ email: "stranger@initech.test" }));

    expect(result).toEqual({ ok: false, reason: "sso-not-set-up" });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("keeps an existing member in their workspace", async () => {
    const first = await signIn(claims({ sub: "stable-subject-1", email: "moves@acme.test" }));
    const moved: SsoMapping[] = [{ domain: "acme.test", workspaceId: globex.workspaceId, role: "owner" }];

    const second = await signIn(claims({ sub: "stable-subject-1", email: "moves@acme.test" }), moved);

    expect(second).toEqual({ ok: true, userId: first.ok ? first.userId : "" });
    expect(await membershipsOf(first.ok ? first.userId : "")).toEqual([{ workspaceId: acme.workspaceId, role: "viewer" }]);
  });

  it("rejects a mapping to a workspace that does not exist", async () => {
    const before = await snapshotMemberTables(db);
    const broken: SsoMapping[] = [{ domain: "acme.test", workspaceId: "00000000-0000-4000-8000-000000000000", role: "admin" }];

    const result = await signIn(claims(), broken);

    expect(result).toEqual({ ok: false, reason: "sso-not-set-up" });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });
});

describe("SSO group mapping", () => {
  it("adds a member of a mapped group with the group's role", async () => {
    const result = await signIn(claims({ email: "ops@contractor.test", groups: ["aws-admins"] }));

    expect(result.ok).toBe(true);
    expect(await membershipsOf(result.ok ? result.userId : "")).toEqual([{ workspaceId: acme.workspaceId, role: "admin" }]);
  });

  it("creates no user for an unverified address, even in a mapped group", async () => {
    const before = await snapshotMemberTables(db);

    const result = await signIn(claims({ email: "victim@acme.test", emailVerified: false, groups: ["aws-admins"] }));

    expect(result).toEqual({ ok: false, reason: "sso-unverified-new-user" });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("never folds a non-ASCII letter into an existing address", async () => {
    const kate = await createWorkspace(db, "kate@initech.test");
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, kate.ownerId));

    const result = await signIn(claims({ sub: "kelvin-sub", email: "\u212Aate@initech.test" }));

    // No mapping covers initech.test, so the sign-in is rejected rather than taking Kate's user.
    expect(result).toEqual({ ok: false, reason: "sso-not-set-up" });
  });

  it("rejects matches in two workspaces and writes nothing", async () => {
    const before = await snapshotMemberTables(db);
    const both: SsoMapping[] = [...mappings, { group: "globex-ops", workspaceId: globex.workspaceId, role: "viewer" }];

    const result = await signIn(claims({ groups: ["globex-ops"] }), both);

    expect(result).toEqual({ ok: false, reason: "sso-ambiguous-mapping" });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("takes the first match of one workspace", () => {
    const match = matchMapping(mappings, claims({ groups: ["aws-admins"] }));

    expect(match).toEqual({ workspaceId: acme.workspaceId, role: "viewer", via: "domain", value: "acme.test" });
  });
});

describe("SSO user linking", () => {
  it("links a verified e-mail to a verified existing user", async () => {
    const local = await createWorkspace(db, "local-owner@initech.test");
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, local.ownerId));

    const result = await signIn(claims({ email: "Local-Owner@Initech.test" }));

    expect(result).toEqual({ ok: true, userId: local.ownerId });
    const links = await db.select().from(authAccounts).where(eq(authAccounts.userId, local.ownerId));
    expect(links.map((link) => link.provider)).toEqual(["oidc"]);
  });

  it("never takes over an unverified local user", async () => {
    // Someone signed up locally with the address before its owner's first SSO sign-in.
    await createWorkspace(db, "pre-registered@initech.test");
    const before = await snapshotMemberTables(db);

    const result = await signIn(claims({ email: "pre-registered@initech.test", groups: ["aws-admins"] }));

    expect(result).toEqual({ ok: false, reason: "sso-unverified-local-user" });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects an unverified e-mail that names an existing user", async () => {
    await createWorkspace(db, "victim@initech.test");
    const before = await snapshotMemberTables(db);

    const result = await signIn(claims({ email: "victim@initech.test", emailVerified: false, groups: ["aws-admins"] }));

    expect(result).toEqual({ ok: false, reason: "sso-unverified-email" });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects a sign-in without an e-mail", async () => {
    expect(await signIn(claims({ email: undefined }))).toEqual({ ok: false, reason: "sso-no-email" });
  });

  it("admits a user with a pending invitation, without a membership", async () => {
    testSession.userId = globex.ownerId;
    expect((await guardedInviteMember({ email: "invitee@initech.test", role: "admin" })).ok).toBe(true);

    const result = await signIn(claims({ email: "invitee@initech.test" }));

    expect(result.ok).toBe(true);
    expect(await membershipsOf(result.ok ? result.userId : "")).toEqual([]);
    const [user] = await db.select().from(users).where(eq(users.email, "invitee@initech.test"));
    expect(user?.emailVerified).toBeInstanceOf(Date);
  });
});

describe("SSO user of another workspace", () => {
  it("cannot rename or delete another workspace's accounts", async () => {
    const acmeAccount = await insertAccount(db, acme.workspaceId, { name: "Acme payer" });
    const acmeLinked = await insertAccount(db, acme.workspaceId, { name: "Acme workloads", type: "linked", parentId: acmeAccount.id });
    const result = await signIn(claims({ email: "admin@globex.test" }), [{ domain: "globex.test", workspaceId: globex.workspaceId, role: "owner" }]);
    testSession.userId = result.ok ? result.userId : undefined;
    const before = await snapshotMemberTables(db);

    const notFound = { ok: false, message: "The account was not found in this workspace. It may have been deleted: reload the page.", fieldErrors: undefined };
    expect(await guardedRenameAccount({ accountId: acmeAccount.id, name: "Taken over" })).toEqual(notFound);
    expect(await guardedDeleteAccount({ accountId: acmeLinked.id, confirmName: "Acme workloads" })).toEqual(notFound);
    expect(await snapshotMemberTables(db)).toEqual(before);
  });
});

describe("OIDC claims and mappings", () => {
  const settings = { groupsClaim: "groups", trustEmail: false };

  it("counts only the boolean true as verified", () => {
    expect(claimsFromProfile({ sub: "s", email: "a@acme.test", email_verified: "true" }, settings).emailVerified).toBe(false);
    expect(claimsFromProfile({ sub: "s", email: "a@acme.test", email_verified: true }, settings).emailVerified).toBe(true);
  });

  it("trusts e-mails when AUTH_OIDC_TRUST_EMAIL is set", () => {
    expect(claimsFromProfile({ sub: "s", email: "a@acme.test" }, { groupsClaim: "groups", trustEmail: true }).emailVerified).toBe(true);
  });

  it("reads groups from the configured claim", () => {
    const read = claimsFromProfile({ sub: "s", email: "A@Acme.test", roles: ["aws-admins", 7] }, { groupsClaim: "roles", trustEmail: false });

    expect(read).toEqual({ sub: "s", email: "a@acme.test", emailVerified: false, groups: ["aws-admins"] });
  });

  it("parses XOPS_SSO_MAPPINGS", () => {
    const parsed = ssoMappings('[{"domain":"Example.COM","workspaceId":"0b6f4b8e-2c1a-4d7e-9a51-3f0c2e8d9b10","role":"viewer"}]');

    expect(parsed).toEqual([{ domain: "example.com", workspaceId: "0b6f4b8e-2c1a-4d7e-9a51-3f0c2e8d9b10", role: "viewer" }]);
  });

  it("rejects a mapping with an unknown role", () => {
    expect(() => ssoMappings('[{"group":"ops","workspaceId":"0b6f4b8e-2c1a-4d7e-9a51-3f0c2e8d9b10","role":"root"}]')).toThrow(
      /^XOPS_SSO_MAPPINGS is invalid at 0/,
    );
  });

  it("rejects mappings that are not JSON", () => {
    expect(() => ssoMappings("domain=example.com")).toThrow(/^XOPS_SSO_MAPPINGS is not valid JSON: /);
  });
});
