/**
 * The proposal builder, the user's side: a quote with a service (made through the API, unique names),
 * "Build a proposal" from the quote page, four scope items, three options (Essentials: 2 items,
 * Standard: 3, Complete: 4) priced live from the rate card, a below-floor price refused without
 * "I know", saved, the client link turned on. The client's side (open the link in a fresh context,
 * choose the middle option) continues from `buildThreeOptionProposal`'s result.
 */
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SHOTS, api, axeClean, unique } from "./helpers";

export interface BuiltProposal {
  quoteId: number;
  clientName: string;
  /** the full link the client gets (http://host/p/<secret>) */
  link: string;
  options: { name: string; price: string }[];
}

/** $120 / $100 / $80 per hour; a draft quote of 40 h for $4,000. */
export async function quoteWithService(request: APIRequestContext) {
  const tag = unique();
  const service = await api<{ id: number }>(request, "post", "/api/v1/services", { name: `Proposal web ${tag}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  const clientName = `Tiered Client ${tag}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name: clientName, leadSource: "referral", status: "active" });
  const quote = await api<{ id: number }>(request, "post", "/api/v1/quotes", { clientId: client.id, serviceId: service.id, title: `Shop site ${tag}`, estimatedMinutes: 40 * 60, quotedAmount: 400000, currency: "USD", status: "draft" });
  return { quoteId: quote.id, clientName };
}

const ITEMS = [
  ["Design", "10"],
  ["Build", "20"],
  ["CMS", "10"],
  ["Training", "2"],
] as const;
const OPTIONS = [
  { name: "Essentials", items: ["Design", "Build"], price: "$3,000.00" },
  { name: "Standard", items: ["Design", "Build", "CMS"], price: "$4,000.00" },
  { name: "Complete", items: ["Design", "Build", "CMS", "Training"], price: "$4,200.00" },
];

/** From the quote page: build, check, save and share a three-option proposal. Leaves the page on the builder with the link on. */
export async function buildThreeOptionProposal(page: Page, request: APIRequestContext, shots = true): Promise<BuiltProposal> {
  const { quoteId, clientName } = await quoteWithService(request);
  await page.goto(`/quotes/${quoteId}`);
  await page.getByRole("link", { name: "Build a proposal: good / better / best options" }).click();
  await expect(page).toHaveURL(new RegExp(`/quotes/${quoteId}/proposal$`));

  await test.step("four scope items with hours", async () => {
    const rows = page.getByTestId("proposal-item");
    // a new proposal starts from the quote: its title with its 40 estimated hours
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0).getByRole("textbox", { name: "Hours" })).toHaveValue("40");
    for (let i = 1; i < ITEMS.length; i++) await page.getByRole("button", { name: "Add an item" }).click();
    await expect(rows).toHaveCount(ITEMS.length);
    for (const [i, [name, hours]] of ITEMS.entries()) {
      await rows.nth(i).getByRole("textbox", { name: `Item ${i + 1}`, exact: true }).fill(name);
      await rows.nth(i).getByRole("textbox", { name: "Hours" }).fill(hours);
    }
  });

  await test.step("three options choosing their items", async () => {
    await page.getByRole("button", { name: "Add a third option" }).click();
    await expect(page.getByRole("button", { name: "Add a third option" })).toHaveCount(0);
    for (const [i, o] of OPTIONS.entries()) {
      await expect(page.getByLabel(`Option ${i + 1} name`)).toHaveValue(o.name);
      for (const [name] of ITEMS) {
        const box = page.getByRole("checkbox", { name: `Include ${name} in ${o.name}` });
        if (o.items.includes(name)) await box.check();
        else await box.uncheck();
      }
    }
    const cols = page.getByTestId("proposal-option");
    for (const [i, o] of OPTIONS.entries()) {
      await expect(cols.nth(i).getByTestId("option-price")).toHaveText(o.price);
      await expect(cols.nth(i).getByTestId("option-rate")).toHaveText("$100.00/h");
      await expect(cols.nth(i).getByTestId("option-standing")).toHaveText("At target or above");
      await expect(cols.nth(i).getByTestId("option-price-source")).toHaveText("from your rate card at target");
    }
    await expect(cols.nth(0).getByTestId("option-hours")).toHaveText("30 h");
  });

  await test.step("a price below the floor is refused without 'I know'", async () => {
    const essentials = page.getByTestId("proposal-option").nth(0);
    await essentials.getByLabel("Your price (optional)").fill("2000");
    await expect(essentials.getByTestId("option-standing")).toHaveText("Below your floor");
    await expect(essentials.getByTestId("option-rate")).toHaveText("$66.67/h");
    await expect(page.getByTestId("below-floor-warning")).toContainText("1 option is priced below your floor.");
    await page.getByRole("button", { name: "Save proposal" }).click();
    await expect(essentials.getByText('$66.67/h is below your floor: tick "I know" to offer "Essentials" anyway, or raise its price')).toBeVisible();
    await expect(page.getByLabel("I know — offer it below my floor")).not.toBeChecked();
    // what was typed is kept
    await expect(essentials.getByLabel("Your price (optional)")).toHaveValue("2000");
    await essentials.getByLabel("Your price (optional)").fill("");
    await expect(essentials.getByTestId("option-price")).toHaveText("$3,000.00");
    await expect(page.getByTestId("below-floor-warning")).toHaveCount(1); // the server's error stays until saved
  });

  await test.step("saved, then the client link on", async () => {
    await page.getByRole("button", { name: "Save proposal" }).click();
    await expect(page.getByText("Proposal saved.")).toBeVisible();
    const panel = page.getByTestId("share-panel");
    await expect(panel.getByTestId("proposal-status")).toHaveText("Draft");
    await panel.getByRole("button", { name: "Turn on the client link" }).click();
    await expect(panel.getByTestId("proposal-status")).toHaveText("Sent");
    await expect(panel.getByTestId("proposal-link")).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]{43}$/);
    await expect(panel.getByRole("link", { name: /Open client view/ })).toHaveAttribute("href", /^\/p\/[A-Za-z0-9_-]{43}$/);
    await expect(panel.getByRole("link", { name: /Print \/ Save as PDF/ })).toHaveAttribute("href", /^\/p\/[A-Za-z0-9_-]{43}\?print=1$/);
    await expect(panel.getByRole("button", { name: "Turn off the link" })).toBeVisible();
  });
  if (shots) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/proposal-builder-desktop.png`, fullPage: true });
  }
  const link = await page.getByTestId("proposal-link").inputValue();
  return { quoteId, clientName, link, options: OPTIONS.map((o) => ({ name: o.name, price: o.price })) };
}

test("proposal: from the quote, four items and three options priced live, below the floor refused, saved, the client link on; the quote is sent", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const built = await buildThreeOptionProposal(page, request);
  await axeClean(page, "proposal builder with the link on");

  await test.step("the quote page shows the proposal and the quote was sent", async () => {
    await page.goto(`/quotes/${built.quoteId}`);
    await expect(page.getByTestId("quote-status")).toHaveText("Sent");
    const card = page.getByTestId("proposal-card");
    await expect(card.getByTestId("proposal-status")).toHaveText("Sent");
    for (const o of built.options) await expect(card.getByText(o.price)).toBeVisible();
    await card.getByRole("link", { name: "Edit or send the proposal" }).click();
    await expect(page.getByTestId("proposal-link")).toHaveValue(built.link);
  });

  await test.step("the API says the same", async () => {
    const p = await api<{ status: string; shareUrl: string; options: { name: string; price: number; standing: string }[] }>(request, "get", `/api/v1/quotes/${built.quoteId}/proposal`);
    expect(p.status).toBe("sent");
    expect(built.link.endsWith(p.shareUrl)).toBe(true);
    expect(p.options.map((o) => [o.name, o.price, o.standing])).toEqual([
      ["Essentials", 300000, "target_to_market"],
      ["Standard", 400000, "target_to_market"],
      ["Complete", 420000, "target_to_market"],
    ]);
  });

  await test.step("on a phone the options stack", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const cols = page.getByTestId("proposal-option");
    const a = await cols.nth(0).boundingBox();
    const b = await cols.nth(1).boundingBox();
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    expect(a!.width).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/proposal-builder-phone.png`, fullPage: true });
    await axeClean(page, "proposal builder on a phone");
  });

  await test.step("turning the link off asks first, and the link is gone", async () => {
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Turn off the link" }).click();
    await expect(page.getByRole("button", { name: "Turn on the client link" })).toBeVisible();
    await expect(page.getByTestId("proposal-link")).toHaveCount(0);
    const p = await api<{ shared: boolean; shareUrl: string | null }>(request, "get", `/api/v1/quotes/${built.quoteId}/proposal`);
    expect(p).toMatchObject({ shared: false, shareUrl: null });
    // the old link is refused from now on
    expect((await request.get(new URL(built.link).pathname)).status()).not.toBe(200);
  });

  await test.step("with the link off, the preview shows what the client would see", async () => {
    const preview = page.getByRole("link", { name: /Preview/ });
    await expect(preview).toHaveAttribute("href", `/quotes/${built.quoteId}/proposal/preview`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/quotes/${built.quoteId}/proposal/preview`);
    const article = page.getByTestId("proposal-preview");
    for (const o of built.options) {
      await expect(article.getByRole("heading", { name: o.name })).toBeVisible();
      await expect(article.getByText(o.price)).toBeVisible();
    }
    await expect(article).toContainText(`Prepared for ${built.clientName}`);
    // a preview: no answer buttons
    await expect(article.getByRole("button", { name: /^Choose / })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/proposal-preview-desktop.png`, fullPage: true });
    await axeClean(page, "proposal preview");
  });

  await test.step("Settings has the proposal fields", async () => {
    await page.goto("/settings");
    await expect(page.getByLabel("Your name or business name")).toBeVisible();
    await expect(page.getByLabel("Minimum engagement fee")).toBeVisible();
    await expect(page.getByText("Options priced below it are lifted to it; 0 for none")).toBeVisible();
  });
});

test("journey: the user builds three options, the client opens the link in a fresh browser, chooses the middle one; the quote is accepted at its price, on the timeline; the proposal prints to PDF", async ({ page, request, browser }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const built = await buildThreeOptionProposal(page, request, false);
  const middle = built.options[1];

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const client = await context.newPage();
  await test.step("the client's page: only this proposal, printable", async () => {
    const res = await client.goto(built.link);
    expect(res?.status()).toBe(200);
    await expect(client.getByText(`Prepared for ${built.clientName}`)).toBeVisible();
    for (const o of built.options) await expect(client.getByRole("heading", { level: 3, name: o.name })).toBeVisible();
    await expect(client.getByRole("navigation")).toHaveCount(0);
    await client.emulateMedia({ media: "print" });
    await client.screenshot({ path: `${SHOTS}/proposal-journey-print.png`, fullPage: true });
    const pdf = await client.pdf({ path: `${SHOTS}/proposal-journey.pdf`, format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(fs.statSync(`${SHOTS}/proposal-journey.pdf`).size).toBeGreaterThan(1024);
    await client.emulateMedia({ media: "screen" });
  });

  await test.step("the client chooses the middle option, once", async () => {
    await client.getByRole("button", { name: `Choose ${middle.name}` }).click();
    await expect(client.getByRole("status").getByText(`You chose ${middle.name} — thank you.`)).toBeVisible();
    await expect(client.getByRole("button", { name: /^Choose / })).toHaveCount(0);
    await client.screenshot({ path: `${SHOTS}/proposal-journey-chosen.png`, fullPage: true });
  });
  await context.close();

  await test.step("the user sees the quote accepted at that option's price, with the choice on the timeline", async () => {
    await page.goto(`/quotes/${built.quoteId}`);
    await expect(page.getByTestId("quote-status")).toHaveText("Accepted");
    await expect(page.getByText(`Accepted at ${middle.price}`).first()).toBeVisible();
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByText(`Chose ${middle.name} (${middle.price}) through the proposal link`)).toBeVisible();
    await expect(timeline.getByText(/^Proposal sent \(3 options: /)).toBeVisible();
    await expect(page.getByTestId("proposal-card").getByTestId("proposal-status")).toHaveText("Chosen");
    await page.screenshot({ path: `${SHOTS}/proposal-journey-quote.png`, fullPage: true });
  });
});
