import type { Page } from "playwright-core";

/** "Link a New AWS Account" with its setup guide. */
export class LinkAccountPage {
  constructor(private readonly page: Page) {}

  async chooseAwsAccountType(type: "Management Account" | "Linked Account") {
    await this.page.getByRole("link", { name: /AWS \(Amazon Web Services\)/ }).click();
    await this.page.getByRole("heading", { name: "Select AWS Account Type" }).waitFor();
    await this.page.getByRole("link", { name: new RegExp(type) }).click();
    await this.page.getByRole("heading", { name: "Link a New AWS Account" }).waitFor();
  }

  async openSetupGuide() {
    await this.page.getByRole("button", { name: "Information" }).click();
    return this.page.getByRole("dialog", { name: "Setup guide" });
  }

  /** Creates the sandbox stack and copies the RoleArn output to the clipboard; returns the output's value. */
  async createSandboxStackAndCopyRoleArn(): Promise<string> {
    const guide = await this.openSetupGuide();
    await guide.getByRole("button", { name: "Create this stack in the sandbox" }).click();
    const outputs = guide.getByRole("table", { name: "Outputs" });
    await outputs.waitFor();
    const roleArnRow = outputs.getByRole("row").filter({ hasText: "RoleArn" });
    const value = (await roleArnRow.getByRole("cell").nth(1).innerText()).replace(/\s*Cop(y|ied)\s*$/, "").trim();
    await roleArnRow.getByRole("button", { name: "Copy RoleArn" }).click();
    await guide.getByRole("button", { name: "Close" }).click();
    return value;
  }

  async connect(name: string, pasteRoleArn: boolean | string) {
    await this.page.getByLabel("AWS Account Name").fill(name);
    const arnField = this.page.getByLabel("AWS Role ARN");
    if (pasteRoleArn === true) {
      await arnField.focus();
      await this.page.keyboard.press("Control+V");
    } else if (typeof pasteRoleArn === "string") {
      await arnField.fill(pasteRoleArn);
    }
    await this.page.getByRole("button", { name: "Connect" }).click();
  }
}
