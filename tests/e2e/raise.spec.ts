import { expect, test } from "@playwright/test";
import { possessive } from "../../lib/text";
import { SHOTS, api, axeClean, unique } from "./helpers";

/** `day` minus `months` calendar months (UTC), as YYYY-MM-DD. */
const monthsBefore = (months: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};
const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

test("raise: a client paying below target for over a year → the planner from their page → a rate cut and a stale letter refused → the letter edited → the raise recorded → waiting on their page → negotiated", async ({ page, request }) => {
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

  await expect(page.getByRole("heading", { name: `Raise ${possessive(name)} rate` })).toBeVisible();
  // this client's count, not the book's (the book's, when there is one, is labelled apart)
  await expect(page.getByTestId("raise-stats-client")).toHaveText(`${name}: no raise planned yet.`);
  await expect(page.getByText("No raises planned yet.")).toHaveCount(0);
  const bookLine = page.getByTestId("raise-stats-book");
  if (await bookLine.count()) await expect(bookLine).toHaveText(/^Across your book: of \d+ raises? in the last 12 months, /);
  await expect(page.getByTestId("rate-now")).toContainText("$80.00/h");
  await expect(page.getByTestId("rate-now")).toContainText("$4,000.00 for 50 h");
  const form = page.getByRole("form", { name: `Plan a raise for ${name}` });
  await expect(form.getByLabel("To target ($100.00/h)")).toBeChecked();
  const rate = form.getByLabel("New rate (USD per hour)");
  await expect(rate).toHaveValue("100.00");
  const letter = form.getByLabel("The notice letter");
  await expect(letter).toHaveValue(/will be \$100\.00\/h \(it is \$80\.00\/h today\)/);
  // where the letter comes from: the user's raise template when there is one, else the built-in letter
  const templates = await api<{ templates: { kind: string }[] }>(request, "get", "/api/v1/templates");
  await expect(form.getByText(templates.templates.some((t) => t.kind === "raise") ? "Filled in from your raise template" : "Filled in from the built-in letter (add your own in")).toBeVisible();

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

  // a rate cut (below what they pay now, and below the floor): said as it is typed, refused on Record, nothing stored
  await from.fill(startDay);
  await rate.fill("70");
  await expect(form.getByText("Reads as $70.00/h. A raise must be above what")).toBeVisible();
  await expect(form.getByLabel("I know it is below my floor of $80.00/h")).toBeVisible();
  await form.getByRole("button", { name: "Record the raise" }).click();
  await expect(form.getByRole("alert").filter({ hasText: `A raise must be above what ${name} pays now: $80.00/h` })).toBeVisible();
  await expect(rate).toHaveValue("70");
  expect(await plans()).toHaveLength(0);

  // the letter edited by hand, then the rate changed: a live warning, a refusal on Record, and "Refill the letter"
  await rate.fill("100");
  await expect(letter).toHaveValue(/will be \$100\.00\/h/);
  await expect(form.getByLabel("I know it is below my floor of $80.00/h")).toHaveCount(0);
  await letter.fill(`${await letter.inputValue()}\n\nP.S. Thanks for a great year.`);
  await rate.fill("95");
  const warning = form.getByTestId("letter-warning");
  await expect(warning).toContainText("The letter says $100.00/h; the new rate is $95.00/h: update the letter.");
  await form.getByRole("button", { name: "Record the raise" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "The letter says $100.00/h; the new rate is $95.00/h: update the letter" })).toBeVisible();
  await expect(letter).toHaveValue(/P\.S\. Thanks/);
  expect(await plans()).toHaveLength(0);
  // it asks first: the hand edits go
  page.once("dialog", (d) => {
    expect(d.type()).toBe("confirm");
    void d.accept();
  });
  await form.getByRole("button", { name: "Refill the letter" }).click();
  await expect(letter).toHaveValue(/will be \$95\.00\/h/);
  await expect(warning).toHaveCount(0);

  // back to the target; the letter edited by hand (still saying the rate and day) is what is stored
  await rate.fill("100");
  await expect(letter).toHaveValue(/will be \$100\.00\/h/);
  await letter.fill(`${await letter.inputValue()}\n\nP.S. Thanks for a great year.`);
  await expect(warning).toHaveCount(0);
  // the same letter as the refused one, but the rate is back to what it says: the refusal no longer shows
  await expect(form.getByText("The letter says $100.00/h; the new rate is $95.00/h: update the letter")).toHaveCount(0);
  await expect(form.getByText("The letter does not match the new rate")).toHaveCount(0);
  await axeClean(page, "raise planner");
  await page.screenshot({ path: `${SHOTS}/raise-planner-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // on a phone "By" stays on the line of its % field
  const byBox = (await form.getByText("By", { exact: true }).boundingBox())!;
  const pctBox = (await form.getByLabel("Raise by this percentage").boundingBox())!;
  expect(Math.abs(byBox.y + byBox.height / 2 - (pctBox.y + pctBox.height / 2))).toBeLessThan(8);
  await page.screenshot({ path: `${SHOTS}/raise-planner-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await form.getByRole("button", { name: "Record the raise" }).click();
  const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${startDay}T00:00:00Z`));
  await expect(page.getByTestId("pending-raise")).toContainText(`Raise to $100.00/h from ${day} — waiting for their answer.`);
  const stored = await plans();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ currentRate: 8000, targetRate: 10000, newRate: 10000, effectiveFrom: startDay, outcome: null });
  expect((stored[0] as { letter: string }).letter).toContain("P.S. Thanks for a great year.");
  await expect(page.getByTestId("raise-plans")).toContainText("Waiting for an answer");
  await expect(page.getByTestId("raise-stats-client")).toHaveText(`${name}: of 1 raise in the last 12 months, 1 waiting for an answer.`);

  // their page: the raise waiting for their answer, in place of "Plan a raise"
  await page.getByRole("link", { name: `Back to ${name}` }).click();
  const rates = page.locator("#rates");
  await expect(rates.getByTestId("pending-raise")).toHaveText(`Raise to $100.00/h from ${day} — waiting for their answer`);
  await expect(rates.getByRole("link", { name: `Plan a raise for ${service.name}` })).toHaveCount(0);
  await expect(rates.getByTestId("raise-stats-client")).toHaveText(`${name}: of 1 raise in the last 12 months, 1 waiting for an answer.`);
  await axeClean(page, "client page with the Rates card");
  await rates.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/raise-client-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/raise-client-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // they negotiated $95/h: the planner and their page say what was agreed, not the rate asked
  await rates.getByRole("link", { name: `Record their answer to the raise for ${service.name}` }).click();
  const answer = page.getByRole("form", { name: `Their answer to the raise from ${day}` });
  await answer.getByLabel("Negotiated").check();
  await answer.getByLabel("Rate agreed (USD per hour)").fill("95");
  await answer.getByRole("button", { name: "Record their answer" }).click();
  await expect(page.getByTestId("pending-raise")).toContainText(`Negotiated: $95.00/h from ${day}.`);
  await expect(page.getByText(/already planned/)).toHaveCount(0);
  await expect(answer.getByLabel("Rate agreed (USD per hour)")).toHaveValue("95.00");
  await page.screenshot({ path: `${SHOTS}/raise-planner-negotiated-desktop.png`, fullPage: true });
  await page.getByRole("link", { name: `Back to ${name}` }).click();
  await expect(rates.getByTestId("pending-raise")).toHaveText(`Negotiated: $95.00/h from ${day}`);
  await expect(rates.getByRole("link", { name: `See the raise for ${service.name}` })).toBeVisible();
});
