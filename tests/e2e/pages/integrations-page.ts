import type { Page } from "playwright-core";

/** "Integrations" with its "AWS Accounts" table and the Edit and Delete dialogs. */
export class IntegrationsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/integrations");
    await this.page.getByRole("heading", { name: "Integrations" }).waitFor();
  }

  row(name: string) {
    return this.page.getByRole("table", { name: "AWS Accounts" }).getByRole("row").filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  async rename(currentName: string, newName: string) {
    await this.row(currentName).getByRole("button", { name: /^Edit/ }).click();
    const dialog = this.page.getByRole("dialog", { name: "Edit AWS Account" });
    await dialog.getByLabel("AWS Account Name").fill(newName);
    await dialog.getByRole("button", { name: "Proceed" }).click();
  }

  async openDelete(name: string) {
    await this.row(name).getByRole("button", { name: /^Delete/ }).click();
    return this.page.getByRole("dialog", { name: "Delete AWS Account" });
  }

  /** A success message shown as a toast. */
  toast(text: string) {
    return this.page.locator("[data-sonner-toast]").filter({ hasText: text });
  }
}
