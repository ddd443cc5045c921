import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, saveScreenshotOnFailure, type BrowserSession } from "./browser";
import { LinkAccountPage } from "./pages/link-account-page";
import { Shell } from "./pages/shell";
import { SignInPage } from "./pages/sign-in-page";

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser(inject("baseUrl"));
});

afterEach(async (context) => {
  await saveScreenshotOnFailure(session, context);
});

afterAll(async () => {
  await session?.close();
});

describe("link a management account", () => {
  it("signs up, links through the sandbox stack, and lands on Home", async () => {
    const { page } = session;
    const email = `owner-${Date.now()}@example.com`;
    const password = "a long enough password";

    await new SignInPage(page).signUp(email, password);
    await page.waitForURL(/\/onboarding$/);
    await page.getByRole("heading", { name: "Select Your Preferred Cloud Service or Platform" }).waitFor();
    expect(await page.getByText("Not available yet.").count()).toBe(3);

    const link = new LinkAccountPage(page);
    await link.chooseAwsAccountType("Management Account");
    const roleArn = await link.createSandboxStackAndCopyRoleArn();
    expect(roleArn).toMatch(/^arn:aws:iam::\d{12}:role\/XOps360Integration$/);
    const accountId = roleArn.split(":")[4] ?? "";

    await link.connect("Production", true);
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { name: "Production" }).waitFor();
    expect(await page.getByText(accountId, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Management Account", { exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: "tests/e2e/artifacts/home-after-connect.png" });

    const cookiesBeforeSignOut = await session.context.cookies();
    await new Shell(page).signOut();

    // A session cookie copied before sign-out no longer opens the portal.
    const replay = await session.browser.newContext({ baseURL: inject("baseUrl") });
    await replay.addCookies(cookiesBeforeSignOut);
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    expect(new URL(replayPage.url()).pathname).toBe("/signin");
    await replay.close();

    await new SignInPage(page).signIn(email, password);
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { name: "Production" }).waitFor();
  });

  it("links a linked account under the management account", async () => {
    const { page } = session;
    await page.goto("/onboarding");
    const link = new LinkAccountPage(page);
    await link.chooseAwsAccountType("Linked Account");
    const roleArn = await link.createSandboxStackAndCopyRoleArn();
    const accountId = roleArn.split(":")[4] ?? "";

    await link.connect("Workloads", true);
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { name: "Workloads" }).waitFor();
    expect(await page.getByText(accountId, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Linked Account", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Production", { exact: true }).first().isVisible()).toBe(true);
    await page.screenshot({ path: "tests/e2e/artifacts/home-linked-account.png" });

    // The management account's Home lists the linked account under it, and the organization's members.
    await new Shell(page).switchAccountWithKeyboard("Production", "Production");
    await page.getByRole("heading", { name: "Production" }).waitFor();
    await page.getByRole("heading", { name: "Linked accounts (1)" }).waitFor();
    expect(await page.getByText("Workloads").first().isVisible()).toBe(true);
    const members = page.getByRole("table", { name: "Organization members" });
    await members.waitFor();
    expect(await members.getByRole("row").filter({ hasText: accountId }).getByText("Linked", { exact: true }).isVisible()).toBe(true);
    expect(await members.getByRole("row").filter({ hasText: "Sandbox Legacy" }).getByText("Suspended").isVisible()).toBe(true);
    await page.screenshot({ path: "tests/e2e/artifacts/home-management-with-members.png", fullPage: true });
  });

  it("links the remaining members with Link all", async () => {
    const { page } = session;
    await page.getByRole("button", { name: "Link all" }).click();

    // The sandbox created the linked role in one member only: the other active one has no role yet.
    await page.getByText("Link all finished: 0 linked, 1 failed, 1 skipped.").waitFor();
    const notLinked = page.getByRole("list", { name: "Accounts not linked" });
    await notLinked.getByText("Sandbox Legacy: The account is SUSPENDED in AWS Organizations, so it was not linked.", { exact: false }).waitFor();
    await notLinked.getByText(/Sandbox Workloads: AWS denied AssumeRole on arn:aws:iam::\d{12}:role\/XOps360Integration\./).waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/link-all-results.png", fullPage: true });

    // Integrations lists the same members under the management account's name.
    await page.goto("/integrations");
    const section = page.getByRole("region", { name: "Organization members of Production" });
    await section.getByRole("row").filter({ hasText: "Sandbox Workloads" }).getByRole("link", { name: "Link Sandbox Workloads" }).waitFor();
  });

  it("shows the connect message for a wrong ARN inline", async () => {
    const { page } = session;
    await page.goto("/onboarding/aws/management");
    await new LinkAccountPage(page).connect("Staging", "arn:aws:iam::None:role/Reader");

    const alert = page.getByText('AWS Role ARN must contain a 12-digit AWS account ID, but it contains "None". Copy the RoleArn output of the stack.');
    await alert.waitFor();
    // The form keeps what the user typed, so the ARN can be corrected in place.
    expect(await page.getByLabel("AWS Account Name").inputValue()).toBe("Staging");
    expect(await page.getByLabel("AWS Role ARN").inputValue()).toBe("arn:aws:iam::None:role/Reader");
  });
});
