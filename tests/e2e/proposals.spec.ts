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
  return { quoteId: quote.id, clientName, serviceId: service.id };
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
    // both starting options include that one item: the builder says so before Save
    await expect(page.getByTestId("same-items-note")).toHaveText("Options 1 and 2 include the same items: add the items that make them differ, and tick them in the larger option");
    for (let i = 1; i < ITEMS.length; i++) await page.getByRole("button", { name: "Add an item" }).click();
    await expect(rows).toHaveCount(ITEMS.length);
    for (const [i, [name, hours]] of ITEMS.entries()) {
      await rows.nth(i).getByRole("textbox", { name: `Item ${i + 1}`, exact: true }).fill(name);
      await rows.nth(i).getByRole("textbox", { name: "Hours" }).fill(hours);
    }
    // a new item goes into the larger option: the two now differ
    await expect(page.getByTestId("same-items-note")).toHaveCount(0);
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
    await expect(page.getByTestId("same-items-note")).toHaveCount(0);
    await expect(page.getByTestId("proposal-rates")).toContainText("Priced from your rate card today: floor $80.00/h, target $100.00/h, market $120.00/h");
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

  await test.step("the answered proposal is a record: the prices offered, the choice and when; only the link can be turned off", async () => {
    await page.getByTestId("proposal-card").getByRole("link", { name: "See the proposal" }).click();
    const record = page.getByTestId("proposal-record");
    await expect(record.getByTestId("record-answer")).toHaveText(new RegExp(`^The client chose ${middle.name} at ${middle.price.replace(/[$.]/g, "\\$&")} on .+\\.$`));
    await expect(record.getByTestId("record-option-price")).toHaveText(built.options.map((o) => o.price));
    await expect(record.getByTestId("record-option").nth(1)).toContainText("chosen");
    await expect(page.getByRole("button", { name: "Save proposal" })).toHaveCount(0);
    await expect(page.getByLabel("I know — offer it below my floor")).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Item 1", exact: true })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/proposal-answered-record.png`, fullPage: true });
    await axeClean(page, "answered proposal record");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Turn off the link" }).click();
    await expect(page.getByText("Link turned off: the client’s page no longer opens.")).toBeVisible();
    await expect(page.getByText("it can no longer be changed")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Turn on the client link" })).toHaveCount(0);
  });
});

test("a sent proposal keeps the prices the client saw when the rate card changes; reprice on request; rush rates; good/better/best must go up; no $0", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { quoteId, serviceId } = await quoteWithService(request);
  const body = {
    expiresOn: "2099-12-31",
    items: [
      { name: "Design", minutes: 600 },
      { name: "Build", minutes: 1200 },
      { name: "CMS", minutes: 600 },
    ],
    options: [
      { name: "Essentials", items: [0, 1] },
      { name: "Standard", items: [0, 1, 2] },
    ],
  };
  const write = async (method: "put" | "patch", url: string, data: unknown) => {
    const res = await request.fetch(url, { method: method.toUpperCase(), data });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return (await res.json()) as { id: number };
  };
  const saved = await write("put", `/api/v1/quotes/${quoteId}/proposal`, body);
  await write("put", `/api/v1/proposals/${saved.id}/share`, { shared: true });
  // the rate card changes after the client got the link: target $100 → $130
  await write("patch", `/api/v1/services/${serviceId}`, { targetRate: 13000, marketRate: 15000 });
  const prices = async () => (await api<{ options: { price: number }[] }>(request, "get", `/api/v1/quotes/${quoteId}/proposal`)).options.map((o) => o.price);

  await page.goto(`/quotes/${quoteId}/proposal`);
  const cols = page.getByTestId("proposal-option");
  const rates = page.getByTestId("proposal-rates");
  await test.step("the builder shows the prices the client saw, and what repricing would change", async () => {
    await expect(rates).toContainText("Priced with the rates saved on this proposal: floor $80.00/h, target $100.00/h, market $120.00/h");
    await expect(cols.nth(0).getByTestId("option-price")).toHaveText("$3,000.00");
    await expect(cols.nth(1).getByTestId("option-price")).toHaveText("$4,000.00");
    await expect(page.getByTestId("reprice")).toContainText("Essentials $3,000.00 → $3,900.00; Standard $4,000.00 → $5,200.00");
    await page.screenshot({ path: `${SHOTS}/proposal-reprice-offer.png`, fullPage: true });
  });

  await test.step("rush: the rate line says the rush-adjusted rates", async () => {
    await page.getByLabel(/^Rush job/).check();
    await expect(rates).toContainText("rush ×1.5: floor $120.00/h, target $150.00/h, market $180.00/h");
    await page.getByLabel(/^Rush job/).uncheck();
  });

  await test.step("a $0 price is refused; a larger option at the smaller one's price is refused live", async () => {
    await cols.nth(1).getByLabel("Your price (optional)").fill("3000");
    await expect(cols.nth(1).getByText("Standard includes everything in Essentials and more, so it must cost more than $3,000.00: type a higher price for it, or a lower one for the smaller option")).toBeVisible();
    await cols.nth(1).getByLabel("Your price (optional)").fill("");
    await expect(cols.nth(1).getByText(/must cost more than/)).toHaveCount(0);
    await cols.nth(0).getByLabel("Your price (optional)").fill("0");
    await page.getByRole("button", { name: "Save proposal" }).click();
    await expect(cols.nth(0).getByText("Enter a price above zero, or leave it empty to price from the rate card")).toBeVisible();
    await cols.nth(0).getByLabel("Your price (optional)").fill("");
  });

  await test.step("saving without repricing keeps the prices; repricing takes today's card", async () => {
    await page.getByRole("button", { name: "Save proposal" }).click();
    await expect(page.getByText("Proposal saved.")).toBeVisible();
    expect(await prices()).toEqual([300000, 400000]);
    await page.getByLabel("Reprice at today’s rate card").check();
    await expect(rates).toContainText("Priced from your rate card today: floor $80.00/h, target $130.00/h, market $150.00/h");
    await expect(cols.nth(1).getByTestId("option-price")).toHaveText("$5,200.00");
    await page.getByRole("button", { name: "Save proposal" }).click();
    await expect(page.getByText("Proposal saved.")).toBeVisible();
    await expect.poll(prices).toEqual([390000, 520000]);
    await page.reload();
    await expect(page.getByTestId("reprice")).toHaveCount(0);
    await expect(rates).toContainText("Priced with the rates saved on this proposal: floor $80.00/h, target $130.00/h, market $150.00/h");
  });
});
