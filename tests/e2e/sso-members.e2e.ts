import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, saveScreenshotOnFailure, type BrowserSession } from "./browser";
import { ssoBaseUrl } from "./oidc-provider";
import { MembersPage } from "./pages/members-page";
import { SignInPage } from "./pages/sign-in-page";

const IDP = "Test IdP";
let session: BrowserSession;
const seed = inject("ssoWorkspace");

beforeAll(async () => {
  session = await openBrowser(inject("baseUrl"));
});

afterEach(async (context) => {
  await saveScreenshotOnFailure(session, context);
});

afterAll(async () => {
  await session?.close();
});

/** Opens a page in a new browser context, with no portal cookie and no session at the identity provider. */
async function freshPage(): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: ssoBaseUrl(inject("baseUrl")), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  session.page = page;
  return page;
}

describe("SSO sign-in", () => {
  it("lands in the mapped workspace as admin", async () => {
    const page = await freshPage();
    await page.goto("/signin");

    await new SignInPage(page).signInWithSso(IDP, "alice@acme.test");

    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { name: seed.accountName }).waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/sso-home.png" });
    const members = new MembersPage(page);
    await members.open();
    expect(await members.roleOf("alice@acme.test")).toBe("admin");
    expect(await members.roleOf(seed.ownerEmail)).toBe("owner");
    expect(await page.getByRole("heading", { name: "Invite member" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Remove / }).count()).toBe(0);
  });

  it("maps an IdP group to the viewer role", async () => {
    const page = await freshPage();
    await page.goto("/signin");

    await new SignInPage(page).signInWithSso(IDP, "ops-bob@contractor.test");

    await page.waitForURL((url) => url.pathname === "/");
    const members = new MembersPage(page);
    await members.open();
    expect(await members.roleOf("ops-bob@contractor.test")).toBe("viewer");
  });

  it("shows an unmapped user that the organization is not set up", async () => {
    const page = await freshPage();
    await page.goto("/signin");

    await new SignInPage(page).signInWithSso(IDP, "stranger@initech.test");

    await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.get("error") === "sso-not-set-up");
    await page.getByText("Your organization has not been set up in XOps 360 yet").waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/sso-not-set-up.png" });
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/signin");
  });
});

describe("invitations", () => {
  it("invites a user who joins with SSO, then removes them", async () => {
    const owner = await freshPage();
    await new SignInPage(owner).signIn(seed.ownerEmail, seed.ownerPassword);
    await owner.waitForURL((url) => url.pathname === "/");
    const ownerMembers = new MembersPage(owner);
    await ownerMembers.open();
    const link = await ownerMembers.invite("carol@initech.test", "Viewer");
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await owner.screenshot({ path: "tests/e2e/artifacts/members-owner-invited.png" });

    const carol = await freshPage();
    await carol.goto(link);
    await carol.getByRole("heading", { name: /^Join / }).waitFor();
    await new SignInPage(carol).signInWithSso(IDP, "carol@initech.test");
    await carol.waitForURL((url) => url.pathname.startsWith("/invite/"));
    await carol.getByRole("button", { name: "Accept invitation" }).click();
    await carol.waitForURL((url) => url.pathname === "/");
    const carolMembers = new MembersPage(carol);
    await carolMembers.open();
    expect(await carolMembers.roleOf("carol@initech.test")).toBe("viewer");
    expect(await carol.getByRole("heading", { name: "Invite member" }).count()).toBe(0);
    await carol.screenshot({ path: "tests/e2e/artifacts/members-viewer.png" });

    await ownerMembers.open();
    await ownerMembers.remove("carol@initech.test");

    await carol.goto("/");
    await carol.waitForURL((url) => url.pathname === "/signin");
    await carol.goto(link);
    await carol.getByText("This invitation link was already used.").waitFor();
  });
});
