/**
 * Money in any currency, as a user does it (on the shared demo book, USD; our own client with a unique
 * name, so the demo's clients stay as other specs expect them):
 *   - Settings → Exchange rates: a bad rate is a field error that keeps what was typed; "1,08" is kept
 *     as 1 EUR = 1.08 USD, in force today;
 *   - a new quote typed in GBP (no rate kept) is refused on its Exchange rate field; switched to EUR the
 *     field starts on the kept 1.08 and previews "≈ $1,080.00 in your currency"; saved, the quote shows
 *     "≈ $1,080.00" beside €1,000.00;
 *   - the dashboard counts it in USD: the API's revenue grows by exactly $1,080.00; with 30 h logged on
 *     the 20 h job, "Estimate vs actual" charts it 50% over and "Where settling happens" shows the money
 *     left on the 30 h at the service's target rate.
 * Axe clean in light and dark; screenshots (desktop 1280×800, phone 390×844) in test-results/screenshots/journeys/currencies-*.png.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const SHOTS = "test-results/screenshots/journeys";
const tag = () => Array.from({ length: 6 }, () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)]).join("");

async function axeClean(page: Page, label: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${label}, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

type DashboardJson = { currency: string; headline: { settling: { revenue: number; otherCurrencyQuotes: number } }; where: { byClient: { clientId: number; moneyLeft: number }[] }; lackingRate: unknown[] };

test.describe.configure({ mode: "serial" });

test("keep a rate in Settings, quote in EUR at it, see ≈ $ on the quote and its money on the dashboard", async ({ page, request }) => {
  test.setTimeout(120_000);
  expect(((await (await request.get("/api/v1/settings")).json()) as { currency: string }).currency).toBe("USD");
  const name = `Lindqvist ${tag()}`;
  const client = (await (await request.post("/api/v1/clients", { data: { name, leadSource: "referral", status: "active" } })).json()) as { id: number };
  const services = ((await (await request.get("/api/v1/services")).json()) as { services: { id: number; name: string; currency: string; targetRate: number }[] }).services;
  const web = services.find((s) => s.name === "Web development")!;
  expect(web.currency).toBe("USD");
  const before = (await (await request.get("/api/v1/dashboard?range=all")).json()) as DashboardJson;

  // 1. Settings → Exchange rates
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/settings");
  const card = page.locator("#exchange-rates");
  await expect(card.getByRole("heading", { name: "Exchange rates" })).toBeVisible();
  await expect(card.getByLabel("Paid in")).toHaveValue("EUR");
  const rate = card.getByLabel("1 EUR = how many USD?");
  await rate.fill("abc");
  await card.getByRole("button", { name: "Keep this rate" }).click();
  await expect(card.getByText("Enter the rate as a plain number, e.g. 0.79 or 1.1650")).toBeVisible();
  await expect(rate).toHaveValue("abc");
  await rate.fill("1,08");
  await card.getByRole("button", { name: "Keep this rate" }).click();
  await expect(card.getByText("Rate kept.")).toBeVisible();
  const row = card.getByTestId("exchange-rate-row").filter({ hasText: "1 EUR = 1.08 USD" });
  await expect(row).toContainText("In force today");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/currencies-settings-desktop.png` });
  await axeClean(page, "settings");

  // 2. a new quote: GBP has no rate (refused on its field), EUR starts on the kept one
  await page.goto(`/clients/${client.id}`);
  const form = page.getByRole("form", { name: "New quote" });
  await form.getByLabel("Title").fill("Shop rebuild");
  await form.getByLabel("Service").selectOption(String(web.id));
  await form.getByLabel("Estimated time").fill("20");
  await form.getByLabel("Currency", { exact: true }).fill("GBP");
  const fx = form.getByLabel("Exchange rate");
  await expect(fx).toHaveValue("");
  await form.getByLabel(/Quoted amount/).fill("1000");
  await form.getByLabel("Status").selectOption("accepted");
  await form.getByRole("button", { name: "Add quote" }).click();
  await expect(form.getByText(/This quote is in GBP and your book in USD/)).toBeVisible();
  await expect(fx).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Title")).toHaveValue("Shop rebuild");
  await form.getByLabel("Currency", { exact: true }).fill("EUR");
  await expect(fx).toHaveValue("1.08");
  // the refusal was about GBP's rate: it goes once the currency changes
  await expect(form.getByText(/This quote is in GBP/)).toHaveCount(0);
  await expect(form.getByTestId("fx-preview")).toHaveText("≈ $1,080.00 in your currency");
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/currencies-quote-form-desktop.png` });
  await axeClean(page, "client page, quote form with the exchange rate");
  await form.getByRole("button", { name: "Add quote" }).click();
  await expect(page).toHaveURL(/\/quotes\/\d+$/, { timeout: 20_000 });
  const quoteId = Number(page.url().split("/").pop());

  // 3. the quote page: its own amount and ≈ $ in the book's currency
  await expect(page.getByTestId("current-price")).toHaveText("€1,000.00");
  await expect(page.getByTestId("in-book-currency").first()).toContainText("≈ $1,080.00");
  const quote = (await (await request.get(`/api/v1/quotes/${quoteId}`)).json()) as { currency: string; fxRate: string; agreedAmount: number; status: string; decidedOn: string };
  expect(quote).toMatchObject({ currency: "EUR", fxRate: "1.08", agreedAmount: 100000, status: "accepted" });
  await page.screenshot({ path: `${SHOTS}/currencies-quote-desktop.png` });
  await axeClean(page, "quote page");

  // 4. the dashboard counts it in USD, exactly
  const after = (await (await request.get("/api/v1/dashboard?range=all")).json()) as DashboardJson;
  expect(after.headline.settling.revenue - before.headline.settling.revenue).toBe(108000);
  expect(after.headline.settling.otherCurrencyQuotes).toBe(before.headline.settling.otherCurrencyQuotes);
  // 20 h at the $110/h target = $2,200.00; agreed $1,080.00: $1,120.00 left on the table
  expect(after.where.byClient.find((g) => g.clientId === client.id)!.moneyLeft).toBe(20 * web.targetRate - 108000);

  // 5. the job took 30 h, logged through the time-entry API: the dashboard then judges it on the 30 h
  const day = (back: number) => new Date(Date.parse(`${quote.decidedOn}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
  // days no other spec logs time on (the e2e book is shared, and a day holds 24 h across the book)
  for (const back of [33, 34, 35]) {
    const res = await request.post(`/api/v1/quotes/${quoteId}/time-entries`, { data: { occurredOn: day(back), minutes: 600, note: "e2e: logged" } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const timed = (await (await request.get("/api/v1/dashboard?range=all")).json()) as DashboardJson & { estimates: { byClient: { clientId: number; overrunBp: number; creptJobs: number; trueRate: number }[] } };
  // $1,080.00 over 30 h = $36.00/h; 30 h at the $110/h target = $3,300.00: $2,220.00 left on the table
  expect(timed.estimates.byClient.find((g) => g.clientId === client.id)).toMatchObject({ overrunBp: 5000, creptJobs: 1, trueRate: 3600 });
  const mine = timed.where.byClient.find((g) => g.clientId === client.id)!;
  expect(mine.moneyLeft).toBe(30 * web.targetRate - 108000);

  await page.goto("/dashboard?range=all");
  const where = page.locator("#where");
  await where.getByText("Show as table").last().click();
  const clientRow = where.getByRole("row", { name: new RegExp(name) });
  await expect(clientRow).toContainText(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(mine.moneyLeft / 100));
  await clientRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/currencies-dashboard-desktop.png` });
  const estimates = page.locator("#estimates");
  await expect(estimates.getByTestId("chart-estimates-client")).toBeVisible();
  await estimates.getByText("Show as table").click();
  await expect(estimates.getByRole("row", { name: new RegExp(name) })).toContainText("50% over");
  await estimates.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/currencies-estimates-desktop.png` });
  await axeClean(page, "dashboard with estimate vs actual");

  // 6. the same on a phone
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/quotes/${quoteId}`);
  await expect(page.getByTestId("in-book-currency").first()).toContainText("≈ $1,080.00");
  await page.screenshot({ path: `${SHOTS}/currencies-quote-phone.png` });
  await page.goto("/settings");
  await page.locator("#exchange-rates").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/currencies-settings-phone.png` });
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByTestId("in-book-currency").first()).toContainText("≈ $1,080.00");
  await page.locator("summary", { hasText: "New quote" }).click();
  const phoneForm = page.getByRole("form", { name: "New quote" });
  await phoneForm.getByLabel("Currency", { exact: true }).fill("EUR");
  await phoneForm.getByLabel(/Quoted amount/).fill("500");
  await expect(phoneForm.getByTestId("fx-preview")).toHaveText("≈ $540.00 in your currency");
  await phoneForm.getByLabel("Exchange rate").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/currencies-quote-form-phone.png` });
  await page.goto("/dashboard?range=all");
  await page.locator("#estimates").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/currencies-estimates-phone.png` });
});
