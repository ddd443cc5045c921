import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, saveScreenshotOnFailure, type BrowserSession } from "./browser";
import { LinkAccountPage } from "./pages/link-account-page";
import { SignInPage } from "./pages/sign-in-page";

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser(inject("baseUrl"));
  await new SignInPage(session.page).signUp(`guide-${Date.now()}@example.com`, "a long enough password");
  await session.page.waitForURL(/\/onboarding$/);
});

afterEach(async (context) => {
  await saveScreenshotOnFailure(session, context);
});

afterAll(async () => {
  await session?.close();
});

describe("setup guide", () => {
  it("copies the External ID and downloads the template", async () => {
    const { page } = session;
    await page.goto("/onboarding/aws/management");
    const guide = await new LinkAccountPage(page).openSetupGuide();

    const externalId = await guide.getByTestId("value-External ID").innerText();
    expect(externalId).toMatch(/^[A-Za-z0-9-]{32,}$/);
    await guide.getByRole("button", { name: "Copy External ID" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(externalId);

    const [download] = await Promise.all([page.waitForEvent("download"), guide.getByRole("link", { name: "CloudFormation template" }).click()]);
    expect(download.suggestedFilename()).toBe("xops360-management-account.yaml");
    const template = readFileSync((await download.path())!, "utf8");
    expect(template).toContain('AWSTemplateFormatVersion: "2010-09-09"');
    expect(template).toContain("sts:ExternalId");
    expect(template).not.toContain(externalId);
    await page.screenshot({ path: "tests/e2e/artifacts/setup-guide.png" });
  });

  it("downloads the Terraform module", async () => {
    const { page } = session;
    const guide = page.getByRole("dialog", { name: "Setup guide" });
    await guide.getByRole("tab", { name: "Terraform" }).click();

    const [download] = await Promise.all([page.waitForEvent("download"), guide.getByRole("link", { name: "Terraform module" }).click()]);
    expect(download.suggestedFilename()).toBe("xops360-management-account.tf");
    expect(readFileSync((await download.path())!, "utf8")).toContain('resource "aws_iam_role" "integration"');
    expect(await guide.getByTestId("value-Terraform command").innerText()).toContain("terraform init && terraform apply -var external_id=");
  });

  it("explains the manual upload without a published template", async () => {
    const guide = session.page.getByRole("dialog", { name: "Setup guide" });
    await guide.getByRole("tab", { name: "CloudFormation" }).click();

    expect(await guide.getByRole("link", { name: "Launch stack" }).count()).toBe(0);
    await guide.getByText("A one-click Launch stack link appears here once the operator publishes the templates to S3.", { exact: false }).waitFor();
  });
});
