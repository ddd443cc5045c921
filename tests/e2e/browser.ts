import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

// Flags for Debian's Chromium as root on a machine with no outside network.
const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with clipboard access, so tests can copy and paste as users do. */
export async function openBrowser(baseURL: string): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { browser, context, page, close: () => browser.close() };
}

/** Saves a screenshot of a failed test's page under tests/e2e/artifacts, named after the test. */
export async function saveScreenshotOnFailure(session: BrowserSession | undefined, context: { task: { name: string; result?: { state?: string } } }) {
  if (!session || context.task.result?.state !== "fail") return;
  const name = context.task.name.replace(/[^\w-]+/g, "-").slice(0, 80);
  await session.page.screenshot({ path: `tests/e2e/artifacts/failed-${name}.png` }).catch(() => undefined);
}
