/**
 * Counter by tier in the browser: a quote with a three-option proposal (Essentials $2,000 / Standard
 * $3,000 / Complete $4,000 for 20 / 30 / 40 h); the client's budget is $2,000; the offer check proposes
 * Essentials instead of a lower price, and recording it logs "cut scope to fit budget". Then the
 * dashboard's Proposals section. Desktop and phone screenshots.
 * The proposals are made through PUT /api/v1/quotes/:id/proposal, the answer through its API.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SHOTS, axeClean, unique } from "./helpers";

const ITEMS = ["Home page", "About page", "CMS setup", "Blog"];
const OPTIONS = [
  { name: "Essentials", items: [0, 1], price: 200000 },
  { name: "Standard", items: [0, 1, 2], price: 300000 },
  { name: "Complete", items: [0, 1, 2, 3], price: 400000 },
];

/** The three-option proposal through the API; → its options' ids. */
async function proposalByApi(request: APIRequestContext, quoteId: number): Promise<{ id: number; options: { id: number; name: string }[] }> {
  const res = await request.put(`/api/v1/quotes/${quoteId}/proposal`, {
    data: {
      rush: false,
      intro: null,
      terms: null,
      expiresOn: "2099-12-31",
      confirmBelowFloor: false,
      items: ITEMS.map((name) => ({ name, minutes: 600 })),
      options: OPTIONS.map((o) => ({ name: o.name, summary: null, items: o.items, price: null })),
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const body = (await res.json()) as { id: number; options: { id: number; name: string }[] };
  expect(body.id).toBeGreaterThan(0);
  return body;
}

test("counter by tier: a $2,000 budget on a $4,000 proposal gets the Essentials option, not a discount; the dashboard learns from proposals", async ({ page, request }) => {
  const tag = unique();
  const service = (await (await request.post("/api/v1/services", { data: { name: `Tier sites ${tag}`, unit: "hour", currency: "USD", floorRate: 7000, targetRate: 10000, marketRate: 12000 } })).json()) as { id: number };
  const client = (await (await request.post("/api/v1/clients", { data: { name: `Tier Budget ${tag}`, leadSource: "referral", status: "active" } })).json()) as { id: number };
  const quote = (await (await request.post("/api/v1/quotes", { data: { clientId: client.id, serviceId: service.id, title: `Website ${tag}`, estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent" } })).json()) as { id: number; sentOn: string | null };
  // a sent quote is sent today (the lifecycle fills the day in)
  expect(quote.sentOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await proposalByApi(request, quote.id);

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
    await expect(page.getByTestId("offer-counter-text")).toContainText("within their budget of $2,000.00, the Essentials option at $2,000.00: Home page and About page, without CMS setup and Blog");
    await expect(page.getByTestId("counter-message").getByRole("textbox")).toHaveValue(/the Essentials option at \$2,000\.00/);
    // the bar says what it measures: their offer for the whole quoted scope, not the option countered with
    await expect(page.getByTestId("effective-rate").locator("..")).toContainText("Their offer for the full scope (40 h): $50.00/h");
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

  // another client chose the middle option (their answer recorded through the API)
  const other = (await (await request.post("/api/v1/clients", { data: { name: `Tier Chooser ${tag}`, leadSource: "referral", status: "active" } })).json()) as { id: number };
  const chosenQuote = (await (await request.post("/api/v1/quotes", { data: { clientId: other.id, serviceId: service.id, title: `Website ${tag} B`, estimatedMinutes: 1800, quotedAmount: 300000, currency: "USD", status: "sent" } })).json()) as { id: number; sentOn: string };
  const chosenProposal = await proposalByApi(request, chosenQuote.id);
  expect((await request.post(`/api/v1/proposals/${chosenProposal.id}/sent`)).ok()).toBe(true);
  const answered = await request.post(`/api/v1/proposals/${chosenProposal.id}/answer`, { data: { answer: "choose", optionId: chosenProposal.options[1].id } });
  expect(answered.ok(), await answered.text()).toBe(true);

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
