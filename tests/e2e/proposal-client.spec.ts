/**
 * The client's side of a three-option proposal: built and shared through the API (PUT
 * /api/v1/quotes/:id/proposal, PUT /api/v1/proposals/:id/share), the link opened in a fresh browser
 * context (no cookies): the proposal with its options, axe clean in light and dark, printed to PDF
 * (print-media screenshot and page.pdf()), on a phone; the client chooses the middle option and is
 * thanked; back in the app, the quote is accepted at that option's price with the choice on its
 * timeline. Its own client and quote (unique names): the demo book is left as it was.
 * Screenshots and the PDF in test-results/screenshots/journeys/.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { SHOTS, api, axeClean, unique } from "./helpers";

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test("a client opens the proposal link, prints it, chooses the middle option; the quote is accepted at its price", async ({ page, request, browser }) => {
  const name = `Harbour Books ${unique()}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "prospect" });
  // options are priced from a service's rate card: floor $60/h, target $100/h, market $120/h
  const service = await api<{ id: number }>(request, "post", "/api/v1/services", { name: `Shop builds ${unique()}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 6000 });
  const quote = await api<{ id: number; sentOn: string }>(request, "post", "/api/v1/quotes", { clientId: client.id, serviceId: service.id, title: "Shop website", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent" });
  const today = quote.sentOn;

  const saved = await request.put(`/api/v1/quotes/${quote.id}/proposal`, {
    data: {
      intro: "Three ways to get the new shop online: pick the one that fits your budget and timing.",
      terms: "Half up front, half on launch. Invoices are due within 14 days.",
      expiresOn: plusDays(today, 21),
      confirmBelowFloor: true,
      items: [
        { name: "Design of five pages", minutes: 600 },
        { name: "Build and launch", minutes: 1200 },
        { name: "CMS set-up", minutes: 600 },
        { name: "Training session", minutes: 300 },
      ],
      options: [
        { name: "Essentials", summary: "Pages designed and built, no CMS", items: [0, 1], price: 200000 },
        { name: "Standard", summary: "Essentials plus a CMS you can edit", items: [0, 1, 2], price: 360000 },
        { name: "Complete", summary: "Everything, with a training session", items: [0, 1, 2, 3], price: 520000 },
      ],
    },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  const proposal = (await saved.json()) as { id: number };
  expect(proposal.id).toBeGreaterThan(0);
  const shared = await request.put(`/api/v1/proposals/${proposal.id}/share`, { data: { shared: true } });
  expect(shared.ok(), await shared.text()).toBe(true);
  const { shareUrl } = (await shared.json()) as { shareUrl: string };
  expect(shareUrl).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  const link = new URL(shareUrl, "http://x").pathname;

  // the client: a fresh browser, no cookies, nothing of the app
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const client$ = await context.newPage();
  const res = await client$.goto(link);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["referrer-policy"]).toBe("same-origin");
  await expect(client$.getByRole("heading", { level: 1, name: "Shop website" })).toBeVisible();
  await expect(client$.getByText(`Prepared for ${name}`)).toBeVisible();
  await expect(client$.getByText(/This proposal is valid until/)).toBeVisible();
  for (const option of ["Essentials", "Standard", "Complete"]) await expect(client$.getByRole("heading", { level: 3, name: option })).toBeVisible();
  await expect(client$.getByText("$3,600.00")).toBeVisible();
  await expect(client$.getByRole("list", { name: "What Essentials includes" }).getByText("Not included: CMS set-up")).toBeAttached();
  await expect(client$.getByRole("navigation")).toHaveCount(0);
  await expect(client$.getByRole("link", { name: /clients|dashboard/i })).toHaveCount(0);
  await axeClean(client$, "the client's proposal page");
  await client$.screenshot({ path: `${SHOTS}/proposal-client-desktop.png`, fullPage: true });

  // printed: the buttons and forms hidden, black on white, the options in one row
  await client$.emulateMedia({ media: "print" });
  await expect(client$.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
  await expect(client$.getByRole("button", { name: "Choose Standard" })).toBeHidden();
  await expect(client$.getByRole("heading", { name: "Not the right fit?" })).toBeHidden();
  const tops = await Promise.all(["Essentials", "Standard", "Complete"].map(async (o) => (await client$.getByRole("heading", { level: 3, name: o }).boundingBox())!.y));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);
  await client$.screenshot({ path: `${SHOTS}/proposal-client-print.png`, fullPage: true });
  const pdf = await client$.pdf({ path: `${SHOTS}/proposal-client.pdf`, format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(1024);
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  expect(fs.statSync(`${SHOTS}/proposal-client.pdf`).size).toBe(pdf.byteLength);
  await client$.emulateMedia({ media: "screen" });

  // on a phone: the options stacked, the buttons reachable
  await client$.setViewportSize({ width: 390, height: 844 });
  await expect(client$.getByRole("button", { name: "Choose Standard" })).toBeVisible();
  await client$.screenshot({ path: `${SHOTS}/proposal-client-phone.png`, fullPage: true });
  await client$.setViewportSize({ width: 1280, height: 800 });

  // the middle option
  await client$.getByRole("button", { name: "Choose Standard" }).click();
  await expect(client$.getByRole("status").getByText("You chose Standard — thank you.")).toBeVisible();
  await expect(client$.getByRole("button", { name: /Choose / })).toHaveCount(0);
  await expect(client$.getByText("Your choice")).toBeVisible();
  await axeClean(client$, "the proposal page after choosing");
  await client$.screenshot({ path: `${SHOTS}/proposal-client-chosen.png`, fullPage: true });
  await context.close();

  // the user, in the app: accepted at the option's price, the choice on the timeline
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/quotes/${quote.id}`);
  await expect(page.getByText("Accepted at $3,600.00").first()).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText("Chose Standard ($3,600.00) through the proposal link")).toBeVisible();
  await expect(timeline.getByText(/^Proposal sent \(3 options: Essentials \$2,000\.00 · Standard \$3,600\.00 · Complete \$5,200\.00\)$/)).toBeVisible();
  // newest first, the same order as on the client page: accepted (at the option), then the choice, then sent
  const accepted = timeline.getByText(/^Accepted at \$3,600\.00 for the Standard option \(/);
  await expect(accepted).toBeVisible();
  const lines = await timeline.getByRole("listitem").allTextContents();
  const at = (text: string) => lines.findIndex((l) => l.includes(text));
  expect(at("Accepted at $3,600.00")).toBeLessThan(at("Chose Standard"));
  expect(at("Chose Standard")).toBeLessThan(at("Proposal sent"));
  expect(lines.some((l) => l.includes("Quoted $3,600.00"))).toBe(false);
  await timeline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/proposal-client-quote-accepted.png` });
  const q = await api<{ status: string; agreedAmount: number; quotedAmount: number }>(request, "get", `/api/v1/quotes/${quote.id}`);
  expect(q).toMatchObject({ status: "accepted", agreedAmount: 360000, quotedAmount: 360000 });
});
