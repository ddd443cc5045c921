import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { cloudAccounts, supportRequests } from "@/db/schema";
import { insertAccount } from "../helpers/accounts";
import { openBrowser, saveScreenshotOnFailure, type BrowserSession } from "./browser";
import { createSignedUpUser, openPortalDatabase } from "./database";
import { IntegrationsPage } from "./pages/integrations-page";
import { Shell } from "./pages/shell";
import { SignInPage } from "./pages/sign-in-page";
import { SupportPage } from "./pages/support-page";

let session: BrowserSession;
let database: DatabaseHandle;
let workspaceId: string;
let payer: Awaited<ReturnType<typeof insertAccount>>;

beforeAll(async () => {
  database = await openPortalDatabase(inject("databaseUrl"));
  session = await openBrowser(inject("baseUrl"));

  const email = `accounts-${Date.now()}@example.com`;
  const password = "a long enough password";
  ({ workspaceId } = await createSignedUpUser(database, email, password));
  // Linked accounts are inserted directly: the browser tests of this file are about managing accounts, not linking them.
  payer = await insertAccount(database.db, workspaceId, { name: "Payer", awsAccountId: "210987654321" });
  await insertAccount(database.db, workspaceId, { name: "Workloads", type: "linked", parentId: payer.id });
  await insertAccount(database.db, workspaceId, { name: "Sandbox", type: "linked", parentId: payer.id });

  await new SignInPage(session.page).signIn(email, password);
  await session.page.waitForURL((url) => url.pathname === "/");
});

afterEach(async (context) => {
  await saveScreenshotOnFailure(session, context);
});

afterAll(async () => {
  await session?.close();
  await database?.close();
});

describe("manage accounts", () => {
  it("switches the account from the selector", async () => {
    const { page } = session;
    const shell = new Shell(page);
    await page.getByRole("heading", { name: "Payer" }).waitFor();

    const list = await shell.searchAccounts("");
    await list.getByRole("option", { name: /^Sandbox/ }).waitFor();
    expect(await list.getByRole("group", { name: "Payer" }).getByRole("option").count()).toBe(3);
    expect(await list.getByRole("option", { selected: true }).innerText()).toContain("Payer");
    expect(await page.getByRole("link", { name: "Add Cloud Account" }).isVisible()).toBe(true);
    await page.screenshot({ path: "tests/e2e/artifacts/account-selector.png" });
    await page.keyboard.press("Escape");

    await shell.switchAccountWithKeyboard("work", "Workloads");

    await page.getByRole("heading", { name: "Workloads" }).waitFor();
    expect(await page.getByText("Linked Account", { exact: true }).isVisible()).toBe(true);
    expect(await shell.selectorButton().innerText()).toContain("Workloads");
  });

  it("reaches Integrations from the profile menu", async () => {
    const { page } = session;
    await new Shell(page).openProfileAccounts();

    await page.waitForURL(/\/integrations$/);
    await page.getByRole("heading", { name: "AWS Accounts" }).waitFor();
  });

  it("renames with Proceed and shows a success message", async () => {
    const { page } = session;
    const integrations = new IntegrationsPage(page);
    await integrations.open();

    await integrations.rename("Workloads", "Workloads Production");

    await integrations.toast('The account was renamed to "Workloads Production".').waitFor();
    await integrations.row("Workloads Production").waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/integrations-after-rename.png" });
  });

  it("shows the name rule's message inline", async () => {
    const { page } = session;
    const integrations = new IntegrationsPage(page);

    await integrations.rename("Sandbox", "payer");

    const dialog = page.getByRole("dialog", { name: "Edit AWS Account" });
    await dialog.getByText('AWS Account Name "payer" is already used in this workspace (names are compared ignoring case). Choose another name.').waitFor();
    await page.keyboard.press("Escape");
  });

  it("deletes a linked account after its name is typed", async () => {
    const { page } = session;
    const integrations = new IntegrationsPage(page);
    await integrations.open();

    const dialog = await integrations.openDelete("Sandbox");
    const confirm = dialog.getByRole("button", { name: "Delete Account" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type "Sandbox" to confirm').fill("sandbox");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type "Sandbox" to confirm').fill("Sandbox");
    expect(await confirm.isEnabled()).toBe(true);
    await page.screenshot({ path: "tests/e2e/artifacts/delete-dialog.png" });
    await confirm.click();

    await integrations.toast('The account "Sandbox" was deleted.').waitFor();
    await integrations.row("Sandbox").waitFor({ state: "detached" });
    const [row] = await database.db.select().from(cloudAccounts).where(eq(cloudAccounts.name, "Sandbox"));
    expect(row?.deletedAt).toBeInstanceOf(Date);
  });

  it("offers a support request instead of Delete for a management account", async () => {
    const { page } = session;
    const integrations = new IntegrationsPage(page);
    await integrations.open();
    const row = integrations.row("Payer");

    expect(await row.getByRole("button", { name: /^Delete/ }).count()).toBe(0);
    await row.getByRole("link", { name: "Submit Support Request" }).click();

    await page.getByRole("heading", { name: "Submit Support Request" }).waitFor();
    const support = new SupportPage(page);
    expect(await support.subject().inputValue()).toBe('Delete management account "Payer" (210987654321)');
    await support.submit("We closed this AWS Organization. Please remove the management account.");

    await page.getByText("Support request stored. E-mail notifications are not configured on this portal, so tell your operator about it.").first().waitFor();
    await support.requests().getByRole("row").filter({ hasText: "Delete management account" }).filter({ hasText: "open" }).waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/support-request.png" });
    const stored = await database.db.select().from(supportRequests).where(eq(supportRequests.workspaceId, workspaceId));
    expect(stored.map((request) => request.cloudAccountId)).toEqual([payer.id]);
  });

  it("lists the changes in the audit log", async () => {
    const { page } = session;
    await new IntegrationsPage(page).open();

    const log = page.getByRole("table", { name: "Audit log" });
    const actions = await log.getByRole("row").allInnerTexts();
    expect(actions[1]).toContain("Submitted support request");
    expect(actions[2]).toContain("Deleted AWS account");
    expect(actions[3]).toContain("Renamed AWS account");
    expect(actions[3]).toContain("name: Workloads Production");
  });
});

describe("verify now", () => {
  it("shows what to fix on Integrations and Home", async () => {
    const { page } = session;
    const integrations = new IntegrationsPage(page);
    await integrations.open();

    // Payer was inserted with a role ARN that no emulated account has, so AssumeRole fails.
    await integrations.row("Payer").getByRole("button", { name: "Verify Payer now" }).click();

    await integrations.toast('Verification of "Payer" failed: AWS denied AssumeRole on arn:aws:iam::210987654321:role/XOps360Integration.').waitFor();
    await integrations.row("Payer").getByText("Error", { exact: true }).waitFor();
    await page.getByText(/^What to fix for Payer: AWS denied AssumeRole on arn:aws:iam::210987654321:role\/XOps360Integration\. The usual causes:/).waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/integrations-verify-failed.png" });

    await new Shell(page).switchAccountWithKeyboard("210987654321", "Payer");
    await page.getByRole("heading", { name: "Payer" }).waitFor();
    await page.getByRole("alert").filter({ hasText: "The last verification failed: AWS denied AssumeRole" }).waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/home-verify-failed.png" });
  });
});
