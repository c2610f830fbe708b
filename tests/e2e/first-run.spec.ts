/**
 * First run, a currency change and "Remove demo data", on a SECOND server with its own fresh database
 * (the shared e2e database already holds the demo book other specs rely on, and is never touched here):
 *   - a British browser is offered GBP and Europe/London; "Start with an empty book" stores them;
 *   - with the demo book in GBP, Settings asks what to do when the currency moves to EUR: a bad rate is a
 *     field error that keeps what was typed; "keep" leaves the amounts in GBP and the dashboard says how
 *     many quotes it leaves out, with a link to convert them, which converts every amount (checked
 *     through the API);
 *   - "Remove demo data" asks first, shows its pending state, then says what it removed.
 * Screenshots (desktop and phone) go to test-results/screenshots/journeys/first-run-*.png.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_BOOK } from "../../server/demo-book";

/** the demo book's quotes and clients (they change as the demo grows) */
const QUOTES = DEMO_BOOK.reduce((n, c) => n + c.quotes.length, 0);
const CLIENTS = DEMO_BOOK.length;

const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = "test-results/screenshots/journeys";
let server: ChildProcess;
let dir: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-first-run-e2e-"));
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", WALKAWAY_DB: path.join(dir, "book.db"), WALKAWAY_BACKUP_DIR: path.join(dir, "backups"), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the second server on ${PORT} did not start`);
});

test.afterAll(() => {
  server?.kill();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function british(browser: Browser, viewport = { width: 1280, height: 800 }, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ baseURL: BASE, locale: "en-GB", timezoneId: "Europe/London", viewport, colorScheme });
  return { context, page: await context.newPage() };
}

async function axeClean(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("first run: a British browser is offered GBP and London time; an empty book starts with them", async ({ browser }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const phone = await british(browser, { width: 390, height: 844 }, "dark");
  await phone.page.goto("/");
  await expect(phone.page.getByRole("heading", { name: "Welcome to Walkaway" })).toBeVisible();
  await expect(phone.page.getByLabel("Currency")).toHaveValue("GBP");
  await phone.page.screenshot({ path: `${SHOTS}/first-run-phone.png`, fullPage: true });
  await axeClean(phone.page);
  await phone.context.close();

  const { context, page } = await british(browser);
  await page.goto("/");
  await expect(page.getByLabel("Currency")).toHaveValue("GBP");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
  await expect(page.getByLabel("Locale")).toHaveValue("en-GB");
  await expect(page.getByLabel("Currency").locator("option[value=JPY]")).toHaveText("JPY — Japanese Yen");
  await page.screenshot({ path: `${SHOTS}/first-run-desktop.png`, fullPage: true });
  await axeClean(page);
  await page.getByRole("button", { name: "Start with an empty book" }).click();
  await expect(page.getByRole("heading", { name: "Start with your own book" })).toBeVisible();
  const settings = await (await page.request.get("/api/v1/settings")).json();
  expect(settings).toMatchObject({ currency: "GBP", timeZone: "Europe/London", locale: "en-GB" });
  expect(await (await page.request.get("/api/v1/first-run")).json()).toEqual({ needed: false });
  await context.close();
});

test("changing the currency asks and refuses a bad rate; kept amounts are counted apart, then converted; demo data then goes in one click", async ({ browser }) => {
  const { context, page } = await british(browser);
  expect((await page.request.post("/api/v1/demo")).status()).toBe(201);
  const before = (await (await page.request.get("/api/v1/quotes")).json()) as { quotes: { id: number; quotedAmount: number; currency: string }[] };
  expect(new Set(before.quotes.map((q) => q.currency))).toEqual(new Set(["GBP"]));

  await page.goto("/settings");
  await page.getByLabel("Currency").selectOption("EUR");
  await expect(page.getByText(`Your book has ${QUOTES} quotes and 4 services in GBP`, { exact: false })).toBeVisible();
  await page.getByLabel(/Convert them to EUR/).check();
  const rate = page.getByLabel("1 GBP = how many EUR?");
  await rate.fill("abc");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter the rate as a plain number, e.g. 0.79 or 1.1650")).toBeVisible();
  await expect(rate).toHaveValue("abc");
  expect((await (await page.request.get("/api/v1/settings")).json()).currency).toBe("GBP");
  await page.screenshot({ path: `${SHOTS}/first-run-currency-change-desktop.png`, fullPage: true });
  await axeClean(page);

  // keep them in GBP: the currency moves, the amounts do not, and the dashboard says what it leaves out
  await page.getByLabel(/Keep them in GBP/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible({ timeout: 20_000 });
  expect((await (await page.request.get("/api/v1/settings")).json()).currency).toBe("EUR");
  await page.goto("/dashboard?range=all");
  const moneyLeft = page.getByTestId("headline-money-left");
  await expect(moneyLeft).toContainText(/18 accepted quotes in other currencies are left out of this total: convert them in Settings\./);
  await expect(page.getByText(/mark a quote accepted/i)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/first-run-dashboard-other-currencies-desktop.png`, fullPage: false });
  await moneyLeft.getByRole("link", { name: "convert them in Settings" }).click();
  const card = page.locator("#other-currencies");
  await expect(card).toContainText(`${QUOTES} quotes and 4 services in GBP`);
  await card.getByLabel("1 GBP = how many EUR?").fill("1.17");
  await card.getByRole("button", { name: "Convert to EUR" }).click();
  await expect(page.getByText(`${QUOTES} quotes and 4 services converted to EUR (1 GBP = 1.17 EUR). A backup was taken first.`, { exact: false })).toBeVisible({ timeout: 20_000 });
  const after = (await (await page.request.get("/api/v1/quotes")).json()) as typeof before;
  for (const q of before.quotes) {
    const now = after.quotes.find((x) => x.id === q.id)!;
    expect(now.currency).toBe("EUR");
    // half up to the cent, integer arithmetic
    expect(now.quotedAmount).toBe(Math.floor((q.quotedAmount * 117 * 2 + 100) / 200));
  }
  await page.goto("/dashboard?range=all");
  await expect(page.getByTestId("headline-money-left")).not.toContainText("other currencies");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings#demo-data");
  await page.screenshot({ path: `${SHOTS}/first-run-settings-phone.png`, fullPage: true });
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Remove demo data" }).click();
  await expect(page.getByText(`Demo data removed (${CLIENTS} clients, ${QUOTES} quotes, 4 services).`, { exact: false })).toBeVisible({ timeout: 20_000 });
  const clients = (await (await page.request.get("/api/v1/clients")).json()) as { clients: unknown[] };
  expect(clients.clients).toEqual([]);
  await context.close();
});
