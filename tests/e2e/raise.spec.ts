import { expect, test } from "@playwright/test";
import { SHOTS, api, axeClean, unique } from "./helpers";

/** `day` minus `months` calendar months (UTC), as YYYY-MM-DD. */
const monthsBefore = (months: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};
const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

test("raise: a client paying below target for over a year → the planner from their page → the letter edited → the raise recorded → their new rate from its day", async ({ page, request }) => {
  const service = await api<{ id: number; name: string }>(request, "post", "/api/v1/services", { name: `Site care ${unique()}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  const name = `Raise Me ${unique()}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "active" });
  const on = monthsBefore(14);
  // $4,000 for 50 h = $80/h, 20% below the $100/h target
  await api(request, "post", "/api/v1/quotes", { clientId: client.id, serviceId: service.id, title: "Shop rebuild", estimatedMinutes: 50 * 60, quotedAmount: 400000, agreedAmount: 400000, currency: "USD", status: "accepted", sentOn: on, decidedOn: on });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/clients/${client.id}`);
  const card = page.locator("#rates");
  await expect(card.getByTestId("client-rates")).toContainText("Pays $80.00/h (from your last job");
  await card.getByRole("link", { name: `Plan a raise for ${service.name}` }).click();

  await expect(page.getByRole("heading", { name: `Raise ${name}’s rate` })).toBeVisible();
  await expect(page.getByTestId("rate-now")).toContainText("$80.00/h");
  await expect(page.getByTestId("rate-now")).toContainText("$4,000.00 for 50 h");
  const form = page.getByRole("form", { name: `Plan a raise for ${name}` });
  await expect(form.getByLabel("To target ($100.00/h)")).toBeChecked();
  const rate = form.getByLabel("New rate (USD per hour)");
  await expect(rate).toHaveValue("100.00");
  const letter = form.getByLabel("The notice letter");
  await expect(letter).toHaveValue(/will be \$100\.00\/h \(it is \$80\.00\/h today\)/);

  // by 10 % instead: $88/h, and the letter follows
  await form.getByLabel("By", { exact: true }).check();
  await expect(rate).toHaveValue("88.00");
  await expect(letter).toHaveValue(/will be \$88\.00\/h/);
  await form.getByLabel("To target ($100.00/h)").check();
  await expect(rate).toHaveValue("100.00");

  const from = form.getByLabel("New rate from");
  const startDay = await from.inputValue();
  expect(startDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const plans = () => api<unknown[]>(request, "get", `/api/v1/rate-plans?clientId=${client.id}`);

  // a start in the past: a field error, nothing stored
  const today = await page.locator('input[name="effectiveFrom"]').getAttribute("min");
  await from.fill(minusDays(today!, 1));
  await form.getByRole("button", { name: "Record the raise" }).click();
  await expect(form.getByText("The new rate cannot start before today")).toBeVisible();
  expect(await plans()).toHaveLength(0);

  // below the floor without the box: a field error, nothing stored
  await from.fill(startDay);
  await rate.fill("70");
  await expect(form.getByLabel("I know it is below my floor of $80.00/h")).toBeVisible();
  await form.getByRole("button", { name: "Record the raise" }).click();
  await expect(form.getByText("Below your floor of $80.00/h: confirm to set it anyway")).toBeVisible();
  await expect(rate).toHaveValue("70");
  expect(await plans()).toHaveLength(0);

  // back to the target; the letter edited by hand is what is stored
  await rate.fill("100");
  await expect(letter).toHaveValue(/will be \$100\.00\/h/);
  await expect(form.getByText("Below your floor of $80.00/h: confirm to set it anyway")).toHaveCount(0);
  await expect(form.getByLabel("I know it is below my floor of $80.00/h")).toHaveCount(0);
  await letter.fill(`${await letter.inputValue()}\n\nP.S. Thanks for a great year.`);
  await axeClean(page, "raise planner");
  await page.screenshot({ path: `${SHOTS}/raise-planner-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/raise-planner-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await form.getByRole("button", { name: "Record the raise" }).click();
  await expect(page.getByText(/A raise to \$100\.00\/h from .* is already planned/)).toBeVisible();
  const stored = await plans();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ currentRate: 8000, targetRate: 10000, newRate: 10000, effectiveFrom: startDay, outcome: null });
  expect((stored[0] as { letter: string }).letter).toContain("P.S. Thanks for a great year.");
  await expect(page.getByTestId("raise-plans")).toContainText("Waiting for an answer");

  // the client page shows the new rate from its day
  await page.getByRole("link", { name: `Back to ${name}` }).click();
  const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${startDay}T00:00:00Z`));
  await expect(page.locator("#rates").getByTestId("next-rate")).toHaveText(`Next: $100.00/h from ${day}`);
  await axeClean(page, "client page with the Rates card");
  await page.locator("#rates").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/raise-client-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/raise-client-phone.png`, fullPage: true });
});
