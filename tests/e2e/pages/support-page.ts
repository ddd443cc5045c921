import type { Page } from "playwright-core";

/** "Submit Support Request" with the member's requests. */
export class SupportPage {
  constructor(private readonly page: Page) {}

  subject() {
    return this.page.getByLabel("Subject");
  }

  async submit(description: string) {
    await this.page.getByLabel("Description").fill(description);
    await this.page.getByRole("button", { name: "Submit Support Request" }).click();
  }

  requests() {
    return this.page.getByRole("table", { name: "Your support requests" });
  }
}
