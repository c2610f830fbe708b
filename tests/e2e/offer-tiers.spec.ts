/**
 * Counter by tier in the browser: a quote with a three-option proposal (Essentials $2,000 / Standard
 * $3,000 / Complete $4,000 for 20 / 30 / 40 h); the client's budget is $2,000; the offer check proposes
 * Essentials instead of a lower price, and recording it logs "cut scope to fit budget". Then the
 * dashboard's Proposals section. Desktop and phone screenshots.
 *
 * The proposal is made through PUT /api/v1/quotes/:id/proposal (the builder's API). Where that route is
 * not in the build (404), the same rows are written straight into the e2e book (E2E_DB), so the offer
 * check is still exercised end to end.
 */
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SHOTS, axeClean, unique } from "./helpers";

const ITEMS = ["Home page", "About page", "CMS setup", "Blog"];
const OPTIONS = [
  { name: "Essentials", items: [0, 1], price: 200000 },
  { name: "Standard", items: [0, 1, 2], price: 300000 },
  { name: "Complete", items: [0, 1, 2, 3], price: 400000 },
];

/** The proposal through the builder's API; false when that route is not there (404). */
async function proposalByApi(request: APIRequestContext, quoteId: number): Promise<boolean> {
  const res = await request.put(`/api/v1/quotes/${quoteId}/proposal`, {
    data: {
      rush: false,
      intro: null,
      terms: null,
      expiresOn: "2999-12-31",
      confirmBelowFloor: false,
      items: ITEMS.map((name) => ({ name, minutes: 600 })),
      options: OPTIONS.map((o) => ({ name: o.name, summary: null, items: o.items, price: null })),
    },
  });
  if (res.status() === 404) return false;
  expect(res.ok(), await res.text()).toBe(true);
  const body = (await res.json()) as { proposal: { id: number } };
  expect(body.proposal.id).toBeGreaterThan(0);
  return true;
}

/** The same proposal written into the e2e book directly (sent today), for a build without the builder's API. */
function proposalInBook(quoteId: number, sentOn: string, chosen: number | null = null) {
  const db = new Database(process.env.E2E_DB!);
  db.pragma("busy_timeout = 5000");
  try {
    db.transaction(() => {
      const pid = Number(
        db
          .prepare(
            "INSERT INTO proposals (quote_id, currency, unit, floor_rate, target_rate, market_rate, rush, rush_multiplier_pct, hours_per_day, minimum_fee, expires_on, sent_on) VALUES (?, 'USD', 'hour', 7000, 10000, 12000, 0, 150, 8, 0, '2999-12-31', ?)",
          )
          .run(quoteId, sentOn).lastInsertRowid,
      );
      const itemIds = ITEMS.map((name, position) => Number(db.prepare("INSERT INTO proposal_items (proposal_id, position, name, minutes) VALUES (?, ?, ?, 600)").run(pid, position, name).lastInsertRowid));
      OPTIONS.forEach((o, position) => {
        const oid = Number(
          db.prepare("INSERT INTO proposal_options (proposal_id, position, name, minutes, price, price_source, rate_card_price) VALUES (?, ?, ?, ?, ?, 'rate_card', ?)").run(pid, position, o.name, o.items.length * 600, o.price, o.price)
            .lastInsertRowid,
        );
        for (const i of o.items) db.prepare("INSERT INTO proposal_option_items (option_id, item_id) VALUES (?, ?)").run(oid, itemIds[i]);
        if (position === chosen) db.prepare("UPDATE proposals SET chosen_option_id = ?, answered_on = ?, answered_at = ? WHERE id = ?").run(oid, sentOn, `${sentOn}T12:00:00.000Z`, pid);
      });
    })();
  } finally {
    db.close();
  }
}

test("counter by tier: a $2,000 budget on a $4,000 proposal gets the Essentials option, not a discount; the dashboard learns from proposals", async ({ page, request }) => {
  const tag = unique();
  const service = (await (await request.post("/api/v1/services", { data: { name: `Tier sites ${tag}`, unit: "hour", currency: "USD", floorRate: 7000, targetRate: 10000, marketRate: 12000 } })).json()) as { id: number };
  const client = (await (await request.post("/api/v1/clients", { data: { name: `Tier Budget ${tag}`, leadSource: "referral", status: "active" } })).json()) as { id: number };
  const quote = (await (await request.post("/api/v1/quotes", { data: { clientId: client.id, serviceId: service.id, title: `Website ${tag}`, estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent" } })).json()) as { id: number; sentOn: string | null };
  // a sent quote is sent today (the lifecycle fills the day in)
  expect(quote.sentOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (!(await proposalByApi(request, quote.id))) proposalInBook(quote.id, quote.sentOn!);

  for (const viewport of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/offer?quoteId=${quote.id}`);
    const form = page.getByRole("form", { name: "Offer" });
    await expect(form.getByLabel("Client")).toHaveValue(String(client.id));
    await form.getByLabel("They offer").fill("2000");
    await form.getByRole("button", { name: "Check this offer" }).click();

    await expect(page.getByTestId("offer-answer-text")).toHaveText("Counter");
    await expect(page.getByTestId("offer-answer")).toContainText("Counter with the Essentials option");
    const card = page.getByTestId("offer-tiers");
    await expect(card.getByTestId("offer-tier-bought")).toContainText("Essentials");
    await expect(card.getByTestId("offer-tier-bought")).toContainText("$2,000.00");
    await expect(card.getByTestId("offer-tier")).toHaveCount(2);
    await expect(card.getByTestId("offer-tiers-left-out")).toHaveText("Left out: CMS setup, Blog");
    await expect(page.getByTestId("offer-counter-text")).toContainText("for $2,000.00 the Essentials option: Home page and About page, without CMS setup and Blog");
    await expect(page.getByTestId("counter-message").getByRole("textbox")).toHaveValue(/the Essentials option at \$2,000\.00/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/offer-tiers-${viewport.name}.png`, fullPage: viewport.name === "desktop" });
  }
  await axeClean(page, "offer check with a tier card");

  // one click records it: "cut scope to fit budget" at Essentials' price and scope, not a discount
  await page.getByRole("button", { name: "Offer Essentials at $2,000.00" }).click();
  await expect(page.getByTestId("offer-recorded")).toContainText("Recorded: countered");
  const events = (await (await request.get(`/api/v1/quotes/${quote.id}/events`)).json()) as { events: { kind: string; answer: string | null; amount: number | null; scopeMinutes: number | null }[] };
  expect(events.events.map((e) => [e.kind, e.answer, e.amount, e.scopeMinutes])).toEqual([
    ["client_counter", null, 200000, null],
    ["my_answer", "cut_scope", 200000, 1200],
  ]);

  // another client chose the middle option (the client's answer is another part's route: written into the book here)
  const other = (await (await request.post("/api/v1/clients", { data: { name: `Tier Chooser ${tag}`, leadSource: "referral", status: "active" } })).json()) as { id: number };
  const chosenQuote = (await (await request.post("/api/v1/quotes", { data: { clientId: other.id, serviceId: service.id, title: `Website ${tag} B`, estimatedMinutes: 1800, quotedAmount: 300000, currency: "USD", status: "sent" } })).json()) as { id: number; sentOn: string };
  proposalInBook(chosenQuote.id, chosenQuote.sentOn, 1);

  // the dashboard: the Proposals section, with these sent proposals counted
  const d = (await (await request.get("/api/v1/dashboard")).json()) as { proposals: { sent: number; chosen: number; byPlace: { place: string; chosen: number }[]; haggle: { proposals: { part: number; whole: number } } } };
  expect(d.proposals.chosen).toBeGreaterThanOrEqual(1);
  expect(d.proposals.byPlace.find((x) => x.place === "middle")!.chosen).toBeGreaterThanOrEqual(1);
  for (const viewport of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto("/dashboard");
    const section = page.locator("section#proposals");
    await expect(section.getByRole("heading", { name: "Proposals" })).toBeVisible();
    await expect(section.getByTestId("proposals-sent-value")).toHaveText(String(d.proposals.sent));
    await expect(section.getByTestId("proposals-haggle-text")).toContainText(`${d.proposals.haggle.proposals.part} of ${d.proposals.haggle.proposals.whole} proposal`);
    await expect(section.getByTestId("chart-proposals").locator("svg.recharts-surface")).toHaveCount(1);
    await expect(section.getByTestId("proposals-by-name")).toContainText("Standard");
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-proposals-${viewport.name}.png` });
  }
  await axeClean(page, "dashboard with the Proposals section");
});
