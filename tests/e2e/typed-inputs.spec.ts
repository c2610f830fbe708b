import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Shares the e2e database with the other specs: it creates its own service and client (unique names)
// and changes nothing else.
const unique = () => Math.random().toString(36).slice(2, 8);
const SHOTS = "test-results/screenshots/journeys";

async function axeClean(page: Page, scheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await new AxeBuilder({ page }).include("form[aria-label='New quote']").analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), scheme).toEqual([]);
}

test("a quote typed as people write it: $1,200 and 10h are read live, the effective rate previewed, and stored as 120000 minor units and 600 minutes", async ({ page }) => {
  const serviceName = `Typed dev ${unique()}`;
  const clientName = `Typed Co ${unique()}`;
  const service = await page.request.post("/api/v1/services", { data: { name: serviceName, unit: "hour", currency: "USD", marketRate: 13000, targetRate: 11000, floorRate: 8500 } });
  expect(service.status()).toBe(201);
  const client = await page.request.post("/api/v1/clients", { data: { name: clientName } });
  expect(client.status()).toBe(201);
  const { id: clientId } = (await client.json()) as { id: number };

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/clients/${clientId}`);
  const form = page.getByRole("form", { name: "New quote" });
  if (!(await form.isVisible())) await page.getByText("New quote").click();
  const hours = form.getByLabel("Estimated time");
  const amount = form.getByLabel(/Quoted amount/);
  const preview = form.getByTestId("rate-preview");

  await form.getByLabel("Title").fill("Typed landing page");
  await form.getByLabel("Service").selectOption({ label: `${serviceName} (USD/hour)` });
  await expect(preview).toHaveText("Type the hours and the amount to see the effective rate.");

  // what is typed is read back under the field, as it is typed
  await hours.fill("10h");
  await expect(form.getByTestId("estimatedHours-read")).toHaveText("= 10 h");
  await amount.fill("800");
  await expect(form.getByTestId("quotedAmount-read")).toHaveText("= $800.00");
  await expect(preview).toHaveText("Effective rate $80.00/h — below your floor of $85.00/h. Below this, you walk away.");

  await amount.fill("$1,200");
  await expect(form.getByTestId("quotedAmount-read")).toHaveText("= $1,200.00");
  await expect(preview).toHaveText("Effective rate $120.00/h — above your target of $110.00/h.");
  await axeClean(page, "light");
  await axeClean(page, "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await form.scrollIntoViewIfNeeded();
  await form.screenshot({ path: `${SHOTS}/typed-quote-form-desktop.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await form.screenshot({ path: `${SHOTS}/typed-quote-form-desktop-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await form.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await form.screenshot({ path: `${SHOTS}/typed-quote-form-phone.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // another currency's sign is refused, with words, live
  await amount.fill("£1,200");
  await expect(form.getByTestId("quotedAmount-read")).toHaveText("This is in GBP; the amount here is in USD");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(preview).toHaveText("Type the hours and the amount to see the effective rate.");

  // … and by the server too, keeping what was typed
  await form.getByRole("button", { name: "Add quote" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "This is in GBP; the amount here is in USD" })).toBeVisible();
  await expect(amount).toHaveValue("£1,200");
  await expect(hours).toHaveValue("10h");
  await form.screenshot({ path: `${SHOTS}/typed-quote-form-error-desktop.png` });

  await hours.fill("1h30");
  await expect(form.getByTestId("estimatedHours-read")).toHaveText("= 1 h 30 min");
  await hours.fill("1.5 days");
  await expect(form.getByTestId("estimatedHours-read")).toHaveText("= 12 h (days of 8 h)");
  await hours.fill("10h");
  await amount.fill("$1,200");
  await expect(form.getByTestId("quotedAmount-read")).toHaveText("= $1,200.00");
  await expect(amount).not.toHaveAttribute("aria-invalid", "true");
  await expect(preview).toHaveText("Effective rate $120.00/h — above your target of $110.00/h.");

  await form.getByRole("button", { name: "Add quote" }).click();
  await expect(page.getByRole("heading", { name: "Typed landing page" })).toBeVisible();

  const { quotes } = (await (await page.request.get(`/api/v1/quotes?clientId=${clientId}`)).json()) as { quotes: { title: string; quotedAmount: number; estimatedMinutes: number; currency: string }[] };
  expect(quotes.map(({ title, quotedAmount, estimatedMinutes, currency }) => ({ title, quotedAmount, estimatedMinutes, currency }))).toEqual([
    { title: "Typed landing page", quotedAmount: 120000, estimatedMinutes: 600, currency: "USD" },
  ]);

  // the edit form starts from the stored values, written the way they are typed
  await page.getByText("Edit quote details").click();
  const edit = page.getByRole("form", { name: "Edit quote" });
  await expect(edit.getByLabel("Estimated time")).toHaveValue("10");
  await expect(edit.getByLabel(/Quoted amount/)).toHaveValue("1200.00");
  await expect(edit.getByTestId("rate-preview")).toHaveText("Effective rate $120.00/h — above your target of $110.00/h.");
});
