import type { Page } from "playwright-core";

/** The frame around signed-in pages. */
export class Shell {
  constructor(private readonly page: Page) {}

  async signOut() {
    await this.page.getByRole("button", { name: /Profile menu/ }).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/signin/);
  }
}
