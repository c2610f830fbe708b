import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * The offer check tells the truth: it never chooses a client or a service silently, warns when the
 * numbers look like a slip, records for the client and service chosen, once, and never dresses a
 * lowball up as "at or above target". Every test makes its own client (unique name), so the demo book
 * other specs rely on is untouched.
 */

const SHOTS = "test-results/screenshots/journeys";
const run = Date.now().toString(36);

type Svc = { id: number; name: string; unit: string };
type QuoteJson = { id: number; clientId: number; serviceId: number | null; quotedAmount: number; status: string; events: { kind: string; amount: number | null; answer: string | null }[] };

async function services(request: APIRequestContext): Promise<Record<string, Svc>> {
  const { services } = (await (await request.get("/api/v1/services")).json()) as { services: Svc[] };
  return Object.fromEntries(services.map((s) => [s.name, s]));
}

async function newClient(request: APIRequestContext, name: string): Promise<number> {
  const res = await request.post("/api/v1/clients", { data: { name, leadSource: "referral", status: "active" } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function quotesOf(request: APIRequestContext, clientId: number): Promise<QuoteJson[]> {
  const { quotes } = (await (await request.get(`/api/v1/quotes?clientId=${clientId}`)).json()) as { quotes: { id: number }[] };
  return Promise.all(quotes.map(async (q) => (await (await request.get(`/api/v1/quotes/${q.id}`)).json()) as QuoteJson));
}

async function inViewport(page: Page, testIdOrLocator: ReturnType<Page["getByTestId"]>) {
  const box = await testIdOrLocator.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, "the element is laid out").not.toBeNull();
  expect(box!.y, "its top is on screen").toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, "its bottom is on screen").toBeLessThanOrEqual(vp.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
}

test("from the nav: nothing is preselected, the choices are required, a slip is flagged, and the decline is recorded for the client and service chosen", async ({ page }) => {
  const svc = await services(page.request);
  const name = `Truth Nav ${run}`;
  const clientId = await newClient(page.request, name);

  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Check an offer" }).first().click();
  await expect(page.getByRole("heading", { name: "Check an offer" })).toBeVisible();
  const form = page.getByRole("form", { name: "Offer" });
  // no silent preselection
  await expect(form.getByLabel("Client")).toHaveValue("");
  await expect(form.getByLabel("Client").locator("option:checked")).toHaveText("Choose a client or a new prospect");
  await expect(form.getByLabel("Service")).toHaveValue("");
  await expect(form.getByLabel("Service").locator("option:checked")).toHaveText("Choose a service");

  // checking without choosing: field errors on both, what was typed kept
  await form.getByLabel("Scope").fill("40");
  await form.getByLabel("They offer").fill("2800");
  await form.getByRole("button", { name: "Check this offer" }).click();
  await expect(form.getByText("Choose a client or a new prospect", { exact: true }).last()).toBeVisible();
  await expect(form.getByText("Choose a service, or “Not on my rate card”")).toBeVisible();
  await expect(form.getByLabel("They offer")).toHaveValue("2800");
  await expect(page.getByTestId("offer-answer")).toHaveCount(0);

  // a day-rate service: the scope is in days, and 40 days for $2,800 is flagged as a likely slip
  await form.getByLabel("Client").selectOption(String(clientId));
  await form.getByLabel("Service").selectOption(String(svc["Brand identity"].id));
  await expect(form.getByLabel("In", { exact: true })).toHaveValue("days");
  await expect(form.getByLabel("Scope (days)")).toBeVisible();
  await form.getByRole("button", { name: "Check this offer" }).click();
  await expect(page.getByTestId("offer-plausibility")).toContainText("This works out at $70.00/day against your $600.00/day floor");
  await expect(page.getByTestId("offer-plausibility")).toContainText("Is the scope in hours, not days?");
  // the answer with its warning: no axe violations, light and dark
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), scheme).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/offer-desktop-slip-warning-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });

  // the hourly service it was meant for: hours, no warning, $70/h below the floor
  await form.getByLabel("Service").selectOption(String(svc["Web development"].id));
  await expect(form.getByLabel("In", { exact: true })).toHaveValue("hours");
  await expect(form.getByLabel("Scope (hours)")).toBeVisible();
  await form.getByLabel("What is it? (optional)").fill("Booking app");
  await form.getByRole("button", { name: "Check this offer" }).click();
  await expect(page.getByTestId("offer-answer-text")).toHaveText("Walk away");
  await expect(page.getByTestId("offer-plausibility")).toHaveCount(0);
  await expect(page.getByTestId("effective-rate")).toHaveText("$70.00/h");
  // the answer took the focus
  await expect(page.getByTestId("offer-answer-text")).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/offer-desktop-answer.png`, fullPage: true });

  await page.getByTestId("record-declined").click();
  await expect(page.getByTestId("offer-recorded")).toContainText("Recorded: declined by me");

  // the API: one quote, for this client and this service, at their offer, their offer logged once, no invented "held firm"
  const quotes = await quotesOf(page.request, clientId);
  expect(quotes).toHaveLength(1);
  const [q] = quotes;
  expect(q).toMatchObject({ clientId, serviceId: svc["Web development"].id, quotedAmount: 280000, status: "declined_by_me" });
  expect(q.events.map((e) => [e.kind, e.amount])).toEqual([["client_counter", 280000]]);

  // the declined lowball's quote page: below the floor, never "at or above target"
  await page.getByRole("link", { name: "Open the quote" }).click();
  await expect(page.getByTestId("quote-status")).toHaveText("Declined by me");
  await expect(page.getByTestId("effective-rate")).toHaveText("$70.00/h");
  await expect(page.getByText("below your floor").first()).toBeVisible();
  await expect(page.getByText(/at or above target/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/offer-desktop-quote-page.png`, fullPage: true });
});

test("from a client: that client and their usual service; a double-click records one decision", async ({ page }) => {
  const svc = await services(page.request);
  const name = `Truth Client ${run}`;
  const clientId = await newClient(page.request, name);
  // their usual service: the service of their latest quote (Copywriting), not the first of the list
  for (const [service, sentOn] of [["Web development", "2026-01-10"], ["Copywriting", "2026-03-10"]] as const) {
    const res = await page.request.post("/api/v1/quotes", {
      data: { clientId, serviceId: svc[service].id, title: `Earlier ${service}`, estimatedMinutes: 600, quotedAmount: 90000, currency: "USD", status: "sent", sentOn },
    });
    expect(res.status()).toBe(201);
  }

  await page.goto(`/clients/${clientId}`);
  await page.getByRole("link", { name: `Check an offer from ${name}` }).click();
  const form = page.getByRole("form", { name: "Offer" });
  await expect(form.getByLabel("Client")).toHaveValue(String(clientId));
  await expect(form.getByLabel("Service")).toHaveValue(String(svc["Copywriting"].id));
  await expect(form.getByLabel("In", { exact: true })).toHaveValue("hours");

  await form.getByLabel("What is it? (optional)").fill("Landing page copy");
  await form.getByLabel("Scope").fill("10");
  await form.getByLabel("They offer").fill("700");
  await form.getByRole("button", { name: "Check this offer" }).click();
  await expect(page.getByTestId("offer-answer-text")).toHaveText("Counter");

  // a double-click on the counter: one decision
  await page.getByTestId("record-countered").dblclick();
  await expect(page.getByTestId("offer-recorded")).toContainText("Recorded: countered");
  await expect(page.getByTestId("record-countered")).toBeDisabled();

  const mine = (await quotesOf(page.request, clientId)).filter((q) => q.events.length > 0 || q.quotedAmount === 70000);
  expect(mine).toHaveLength(1);
  const q = mine[0];
  expect(q).toMatchObject({ clientId, serviceId: svc["Copywriting"].id, quotedAmount: 70000, status: "negotiating" });
  expect(q.events.map((e) => [e.kind, e.amount])).toEqual([
    ["client_counter", 70000],
    ["my_counter", 85000],
  ]);

  // the same decision through the API again: already recorded, nothing added
  const again = await page.request.post("/api/v1/offers/record", {
    data: { clientId, serviceId: svc["Copywriting"].id, quoteId: q.id, scopeAmount: 10, scopeUnit: "hours", offeredAmount: 70000, currency: "USD", decision: "countered", counterAmount: 85000 },
  });
  expect(again.status()).toBe(200);
  expect(((await again.json()) as { alreadyRecorded: boolean }).alreadyRecorded).toBe(true);
  const after = (await (await page.request.get(`/api/v1/quotes/${q.id}`)).json()) as QuoteJson;
  expect(after.events).toHaveLength(2);
});

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("after checking, the verdict and the primary record action are on screen; the decline is one tap away", async ({ page }) => {
    const svc = await services(page.request);
    const name = `Truth Phone ${run}`;
    const clientId = await newClient(page.request, name);

    await page.goto(`/offer?clientId=${clientId}`);
    const form = page.getByRole("form", { name: "Offer" });
    await expect(form.getByLabel("Client")).toHaveValue(String(clientId));
    // no quotes yet: no usual service, so none is chosen
    await expect(form.getByLabel("Service")).toHaveValue("");
    await form.getByLabel("Service").selectOption(String(svc["Web development"].id));
    await form.getByLabel("Scope").fill("30");
    await form.getByLabel("They offer").fill("1500");
    await page.screenshot({ path: `${SHOTS}/offer-phone-form.png`, fullPage: false });
    await form.getByRole("button", { name: "Check this offer" }).click();

    const verdict = page.getByTestId("offer-answer-text");
    await expect(verdict).toHaveText("Walk away");
    await expect(verdict).toBeFocused();
    // the answer scrolled into view, and the actions stay at the bottom of the screen
    await expect.poll(async () => (await verdict.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await inViewport(page, verdict);
    const primary = page.getByTestId("record-declined");
    await inViewport(page, primary);
    await inViewport(page, page.getByTestId("offer-actions").getByRole("button", { name: "Copy decline" }));
    await page.screenshot({ path: `${SHOTS}/offer-phone-answer.png`, fullPage: false });

    // scrolled down through the reasons, the actions are still there
    await page.getByRole("heading", { name: "Why" }).scrollIntoViewIfNeeded();
    await inViewport(page, primary);
    await page.screenshot({ path: `${SHOTS}/offer-phone-reasons.png`, fullPage: false });

    await primary.tap();
    await expect(page.getByTestId("offer-recorded")).toContainText("Recorded: declined by me");
    await inViewport(page, page.getByTestId("offer-recorded"));
    await page.screenshot({ path: `${SHOTS}/offer-phone-recorded.png`, fullPage: false });
    const [q] = await quotesOf(page.request, clientId);
    expect(q).toMatchObject({ clientId, serviceId: svc["Web development"].id, quotedAmount: 150000, status: "declined_by_me" });
  });
});

test.describe("an offer above target is never countered below it", () => {
  for (const [device, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    test(`${device}: Pebble Apps (set boundaries) offers $900 for 3 h of Technical consulting → accept, on your terms; the message shows whole`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const svc = await services(page.request);
      const { clients } = (await (await page.request.get("/api/v1/clients?q=Pebble")).json()) as { clients: { id: number; name: string }[] };
      const pebble = clients.find((c) => c.name === "Pebble Apps")!;
      expect(pebble).toBeTruthy();

      // checking only: nothing is recorded on the demo client
      await page.goto(`/offer?clientId=${pebble.id}`);
      const form = page.getByRole("form", { name: "Offer" });
      await form.getByLabel("Service").selectOption(String(svc["Technical consulting"].id));
      await form.getByLabel("Scope").fill("3");
      await form.getByLabel("They offer").fill("900");
      await form.getByRole("button", { name: "Check this offer" }).click();

      await expect(page.getByTestId("offer-answer-text")).toHaveText("Accept");
      await expect(page.getByTestId("offer-answer")).toContainText("Accept, on your terms: the price is right, the terms need setting.");
      await expect(page.getByTestId("offer-counter-text")).toHaveText("Say yes at $900.00 for 3 h, on your terms.");
      await expect(page.getByTestId("offer-conditions")).toContainText("scope and price agreed in writing before work starts");
      // no counter below their offer anywhere: no "$420.00", no "Counter at", no "I can deliver 6.4 h"
      await expect(page.getByText("$420.00")).toHaveCount(0);
      await expect(page.getByTestId("counter-message")).toHaveCount(0);
      await expect(page.getByTestId("record-countered")).toHaveText("Record a counter");
      const yes = page.getByTestId("accept-message").getByRole("textbox");
      await expect(yes).toHaveValue(/^Thanks, Pebble Apps\. \$900\.00 for 3 h of Technical consulting works for me, on these terms: scope and price agreed in writing before work starts/);
      await expect(yes).not.toHaveValue(/deliver/);
      // the whole message is visible: no scrolling inside the box
      for (const box of [yes, page.getByTestId("decline-message").getByRole("textbox")]) {
        expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
      }
      await expect(page.getByTestId("record-accepted")).toHaveText("Accept and record");
      await page.getByTestId("offer-answer").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/offer-${device}-above-target-set-boundaries.png`, fullPage: device === "desktop" });
      await page.getByTestId("accept-message").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/offer-${device}-above-target-message.png`, fullPage: false });
    });
  }

  test("a counter at or below the offer can't be recorded; after a decision the other buttons visibly rest", async ({ page }) => {
    const svc = await services(page.request);
    const name = `Truth Above ${run}`;
    const clientId = await newClient(page.request, name);
    const body = { clientId, serviceId: svc["Technical consulting"].id, scopeAmount: 3, scopeUnit: "hours", offeredAmount: 90000, currency: "USD", decision: "countered" };

    for (const counterAmount of [42000, 90000]) {
      const res = await page.request.post("/api/v1/offers/record", { data: { ...body, counterAmount } });
      expect(res.status()).toBe(400);
      const json = (await res.json()) as { error: { fields: Record<string, string[]> } };
      expect(json.error.fields.counterAmount).toEqual(["A counter must be above their offer; to take their price, accept it"]);
    }
    expect(await quotesOf(page.request, clientId)).toHaveLength(0);

    // on the page: a typed counter below their offer is refused on the field, and what was typed stays
    await page.goto(`/offer?clientId=${clientId}`);
    const form = page.getByRole("form", { name: "Offer" });
    await form.getByLabel("Service").selectOption(String(svc["Technical consulting"].id));
    await form.getByLabel("Scope").fill("3");
    await form.getByLabel("They offer").fill("900");
    await form.getByRole("button", { name: "Check this offer" }).click();
    await expect(page.getByTestId("offer-answer-text")).toHaveText("Accept");
    const record = page.getByRole("form", { name: "Record my decision" });
    await record.getByLabel("If I counter, my price").fill("420");
    await page.getByTestId("record-countered").click();
    await expect(page.getByText("A counter must be above their offer; to take their price, accept it").first()).toBeVisible();
    expect(await quotesOf(page.request, clientId)).toHaveLength(0);

    // accepting records it; the other buttons are disabled and look it, with the way to the quote beside them
    await page.getByTestId("record-accepted").click();
    const status = page.getByTestId("offer-recorded");
    await expect(status).toContainText("Recorded: accepted — open the quote to change it");
    for (const id of ["record-declined", "record-countered", "record-accepted"]) {
      const button = page.getByTestId(id);
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute("aria-disabled", "true");
      expect(Number(await button.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.6);
      expect(await button.evaluate((el) => getComputedStyle(el).cursor)).toBe("not-allowed");
    }
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.getByTestId("offer-actions").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/offer-desktop-recorded-buttons-rest.png`, fullPage: false });
    const [q] = await quotesOf(page.request, clientId);
    expect(q).toMatchObject({ clientId, quotedAmount: 90000, status: "accepted" });
    await status.getByRole("link", { name: "open the quote" }).click();
    await expect(page.getByTestId("quote-status")).toHaveText("Accepted");
  });
});
