import type { Page } from "playwright-core";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signUp(email: string, password: string) {
    await this.page.goto("/signin");
    await this.page.getByRole("link", { name: "Create an account" }).click();
    await this.page.getByRole("heading", { name: "Create your account" }).waitFor();
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign up" }).click();
  }

  async signIn(email: string, password: string) {
    await this.page.goto("/signin");
    await this.page.getByRole("heading", { name: "Sign in" }).waitFor();
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    // Exact: the SSO button "Sign in with <IdP>" also starts with "Sign in".
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** Clicks "Sign in with <name>" on the current page (sign-in or invitation) and signs in at the test IdP's login page. */
  async signInWithSso(idpName: string, login: string) {
    await this.page.getByRole("button", { name: `Sign in with ${idpName}` }).click();
    await this.page.locator('input[name="login"]').fill(login);
    await this.page.locator('input[name="password"]').fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
  }
}
