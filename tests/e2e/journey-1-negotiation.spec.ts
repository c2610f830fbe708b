import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const unique = () => Math.random().toString(36).slice(2, 8);

async function axeClean(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), where).toEqual([]);
}

test("journey 1: a new user logs a client negotiation end to end", async ({ page }) => {
  const serviceName = `Web dev ${unique()}`;
  const clientName = `Acme ${unique()}`;

  // 1. add a service to the rate card
  await page.goto("/rates");
  const add = page.getByRole("form", { name: "Add a service" });
  await add.getByLabel("Service").fill(serviceName);
  await add.getByLabel("Market rate").fill("120");
  await add.getByLabel("Target rate").fill("100");
  await add.getByLabel("Floor (walk-away) rate").fill("80");
  await add.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText(serviceName, { exact: true })).toBeVisible();

  // 2. add a client
  await page.goto("/clients/new");
  await page.getByLabel("Name").fill(clientName);
  await page.getByLabel("Lead source").selectOption("platform");
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("heading", { name: clientName })).toBeVisible();

  // 3. add a quote: 10 hours for 1,000 = 100/h, exactly the target
  const quoteForm = page.getByRole("form", { name: "New quote" });
  if (!(await quoteForm.isVisible())) await page.getByText("New quote").click();
  await quoteForm.getByLabel("Title").fill("Landing page");
  await quoteForm.getByLabel("Service").selectOption({ label: `${serviceName} (USD/hour)` });
  await quoteForm.getByLabel("Estimated time").fill("10");
  await quoteForm.getByLabel(/Quoted amount/).fill("1000");
  await quoteForm.getByRole("button", { name: "Add quote" }).click();
  await expect(page.getByRole("heading", { name: "Landing page" })).toBeVisible();
  await expect(page.getByTestId("effective-rate")).toHaveText("$100.00/h");

  // 4. they ask for 20% off
  const ask = page.getByRole("form", { name: "Log a discount request" });
  await ask.getByLabel("Percent off").fill("20");
  await ask.getByLabel("Note (optional)").fill("Budget is tight <b>this</b> quarter");
  await ask.getByRole("button", { name: "Log request" }).click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText("They asked for 20% off")).toBeVisible();
  // notes are text, never HTML
  await expect(timeline.getByText("Budget is tight <b>this</b> quarter")).toBeVisible();
  await expect(page.getByTestId("quote-status")).toHaveText("Negotiating");

  // 5. I held firm
  const answer = page.getByRole("form", { name: "Log my answer" });
  await answer.getByLabel("My answer").selectOption("held_firm");
  await answer.getByRole("button", { name: "Log answer" }).click();
  await expect(timeline.getByText("I held firm")).toBeVisible();
  // a logged form starts afresh
  await expect(ask.getByLabel("Percent off")).toHaveValue("");

  // 6. they accept at my price
  const outcome = page.getByRole("form", { name: "Quote outcome" });
  await outcome.getByLabel("Status").selectOption("accepted");
  await expect(outcome.getByLabel(/Agreed amount/)).toHaveValue("1000.00");
  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByTestId("quote-status")).toHaveText("Accepted");
  // the outcome form shows what was saved (it is not reset to its first option)
  await expect(outcome.getByLabel("Status")).toHaveValue("accepted");
  await expect(timeline.getByText("Accepted at $1,000.00")).toBeVisible();
  await expect(page.getByTestId("effective-rate")).toHaveText("$100.00/h");
  await expect(page.getByTestId("settling")).toContainText("At your worth");

  // 7. the client page shows the timeline and a score with its reason
  await page.getByRole("link", { name: clientName }).first().click();
  await expect(page.getByRole("heading", { name: clientName })).toBeVisible();
  const clientTimeline = page.getByRole("list", { name: "Timeline" });
  await expect(clientTimeline.getByText("They asked for 20% off")).toBeVisible();
  await expect(clientTimeline.getByText("I held firm")).toBeVisible();
  // the evidence says what happened, outcome first (the worth model: asking is mild, giving in is what costs)
  await expect(page.getByTestId("criterion-pricePressure")).toContainText("Asked 20% off; you held firm and they accepted your full price");
  await expect(page.locator('[data-testid^="quote-status-"]')).toHaveValue("accepted");
  // a follow-up logged by mistake can be removed from the timeline
  await page.getByText("I followed up").click();
  const followUp = page.getByRole("form", { name: "Log a follow-up" });
  await followUp.getByRole("button", { name: "Log follow-up" }).click();
  await expect(clientTimeline.getByText("I followed up, no answer")).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await clientTimeline.getByRole("button", { name: "Remove: I followed up, no answer" }).click();
  await expect(clientTimeline.getByText("I followed up, no answer")).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/client-page.png", fullPage: true });
  // on a phone: nothing wider than the screen, and the forms come before the score's breakdown
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const scoreTop = (await page.getByTestId("fit-card").boundingBox())!.y;
  const logTop = (await page.getByRole("heading", { name: "Log what happened" }).boundingBox())!.y;
  expect(logTop).toBeLessThan(scoreTop);
  await page.screenshot({ path: "test-results/screenshots/client-page-phone.png", fullPage: true });
});

test("bad input keeps what was typed and shows field errors; nothing is stored", async ({ page }) => {
  const name = `Floor ${unique()}`;
  await page.goto("/rates");
  const add = page.getByRole("form", { name: "Add a service" });
  await add.getByLabel("Service").fill(name);
  await add.getByLabel("Market rate").fill("100");
  await add.getByLabel("Target rate").fill("90");
  await add.getByLabel("Floor (walk-away) rate").fill("95");
  await add.getByRole("button", { name: "Add service" }).click();
  await expect(add.getByText("Your floor (walk-away) rate cannot be above your target rate")).toBeVisible();
  await expect(add.getByLabel("Service")).toHaveValue(name);
  await expect(add.getByLabel("Floor (walk-away) rate")).toHaveValue("95");
  await expect(add.getByLabel("Floor (walk-away) rate")).toHaveAttribute("aria-invalid", "true");
  const res = await page.request.get("/api/v1/services");
  const { services } = (await res.json()) as { services: { name: string }[] };
  expect(services.map((s) => s.name)).not.toContain(name);

  await page.goto("/clients/new");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByText("Give the client a name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
});

test("journey 1 on a phone: log first, see the score move, accept from the row, correct an entry", async ({ page }) => {
  const shots = "test-results/screenshots/journeys";
  const name = `Phone log ${unique()}`;
  const { currency } = (await (await page.request.get("/api/v1/settings")).json()) as { currency: string };
  const client = (await (await page.request.post("/api/v1/clients", { data: { name, leadSource: "referral", status: "prospect" } })).json()) as { id: number };
  const quote = (await (
    await page.request.post("/api/v1/quotes", { data: { clientId: client.id, title: "Brochure site", estimatedMinutes: 600, quotedAmount: 100000, currency, status: "sent" } })
  ).json()) as { id: number };
  expect(quote.id).toBeGreaterThan(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  // the first log form is on the first screen, above the score's breakdown
  const ask = page.getByRole("form", { name: "Log a discount request" });
  const askBox = (await ask.boundingBox())!;
  expect(askBox.y).toBeLessThan(844);
  expect(askBox.y).toBeLessThan((await page.getByTestId("fit-card").boundingBox())!.y);
  await expect(page.getByTestId("fit-summary-line")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/log-client-phone.png` });

  // logging a discount request shows the score change right next to the form
  await ask.getByLabel("Percent off").fill("20");
  await ask.getByRole("button", { name: "Log request" }).click();
  const change = ask.getByTestId("score-change");
  await expect(change).toContainText(/Fit score (stays \d+|now \d+|\d+ → \d+) · /);
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText("They asked for 20% off")).toBeVisible();
  await page.screenshot({ path: `${shots}/log-client-phone-logged.png` });

  // accepted from the quote's row: one choice, and the prospect is now active
  await expect(page.getByText("Prospect", { exact: true })).toBeVisible();
  await page.getByTestId(`quote-status-${quote.id}`).selectOption("accepted");
  await expect(timeline.getByText(/^Accepted at /)).toBeVisible();
  await expect(page.getByText("Prospect", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByTestId(`quote-status-${quote.id}`)).toHaveValue("accepted");
  // the discount form's sentence is out of date once the row logged after it: only the newest one stays
  await expect(change).toHaveCount(0);
  const stored = (await (await page.request.get(`/api/v1/quotes/${quote.id}`)).json()) as { status: string; agreedAmount: number; decidedOn: string };
  expect(stored).toMatchObject({ status: "accepted", agreedAmount: 100000 });
  expect(stored.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // correcting an entry: Edit opens the same form, pre-filled, right there
  await timeline.getByRole("button", { name: "Edit: They asked for 20% off" }).click();
  const edit = page.getByRole("form", { name: "Edit: They asked for 20% off" });
  await expect(edit.getByLabel("Percent off")).toHaveValue("20");
  await edit.getByLabel("Percent off").fill("15");
  await edit.getByLabel("Note (optional)").fill("They found more budget");
  await page.screenshot({ path: `${shots}/log-client-phone-edit.png` });
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(timeline.getByText("They asked for 15% off")).toBeVisible();
  await expect(timeline.getByText("They asked for 20% off")).toHaveCount(0);
  await expect(timeline.getByText("They found more budget")).toBeVisible();
  await expect(edit).toHaveCount(0);
  // an impossible date is refused on the field, and nothing changes
  await timeline.getByRole("button", { name: "Edit: They asked for 15% off" }).click();
  const again = page.getByRole("form", { name: "Edit: They asked for 15% off" });
  await again.getByLabel("When").fill("2001-01-01");
  await again.getByRole("button", { name: "Save changes" }).click();
  await expect(again.getByText(/The quote was sent on/)).toBeVisible();
  await expect(again.getByLabel("When")).toHaveValue("2001-01-01");
  await again.getByRole("button", { name: "Cancel" }).click();
  await expect(timeline.getByText("They asked for 15% off")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/log-client-phone-full.png`, fullPage: true });

  // the quote page on a phone: nothing wider than the screen
  await page.goto(`/quotes/${quote.id}`);
  await expect(page.getByRole("heading", { name: "Brochure site" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/log-quote-phone.png`, fullPage: true });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/log-quote-desktop.png`, fullPage: true });
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.screenshot({ path: `${shots}/log-client-desktop.png`, fullPage: true });

  // axe, light and dark, phone and desktop: the client page with an edit form open, and the quote page
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.goto(`/clients/${client.id}`);
      await timeline.getByRole("button", { name: "Edit: They asked for 15% off" }).click();
      await expect(page.getByRole("form", { name: "Edit: They asked for 15% off" })).toBeVisible();
      await axeClean(page, `client page ${width} ${scheme}`);
      if (width === 1280) await page.screenshot({ path: `${shots}/log-client-desktop-edit-${scheme}.png`, fullPage: true });
      await page.goto(`/quotes/${quote.id}`);
      await expect(page.getByRole("heading", { name: "Brochure site" })).toBeVisible();
      await axeClean(page, `quote page ${width} ${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
});
