import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// Our own clients (unique names, letters only so no part of a name reads as an amount): demo clients stay as other specs expect them.
const tag = () => Array.from({ length: 6 }, () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)]).join("");

async function clientWithQuote(request: APIRequestContext, name: string) {
  const client = (await (await request.post("/api/v1/clients", { data: { name, leadSource: "referral", status: "active" } })).json()) as { id: number };
  const res = await request.post("/api/v1/quotes", { data: { clientId: client.id, title: "Website refresh", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent" } });
  expect(res.status()).toBe(201);
  const quote = (await res.json()) as { id: number };
  return { client, quote };
}

async function events(request: APIRequestContext, quoteId: number) {
  return ((await (await request.get(`/api/v1/quotes/${quoteId}/events`)).json()) as { events: { kind: string; percentBp: number | null; amount: number | null; answer: string | null }[] }).events;
}

async function axeClean(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), label).toEqual([]);
}

const shots = "test-results/screenshots/journeys";

test("Ctrl-K, one line, Enter: a discount request is logged and the score change shown; axe clean, light and dark", async ({ page, request }) => {
  const name = `Quokka ${tag()}`;
  const { client, quote } = await clientWithQuote(request, name);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/clients");
  await expect(page.getByRole("button", { name: "Quick log" })).toBeVisible();

  // 1: the shortcut, from anywhere
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Quick log" });
  await expect(dialog).toBeVisible();
  const line = dialog.getByRole("combobox", { name: "What happened?" });
  await expect(line).toBeFocused();

  // 2: one line; the preview says it in plain words before anything is saved
  await line.fill(`${name} asked 20% off`);
  const preview = dialog.getByTestId("quick-capture-preview");
  await expect(preview).toContainText(`${name} — Website refresh: they asked for 20% off ($4,000.00 → $3,200.00)`);
  expect(await events(request, quote.id)).toEqual([]);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeClean(page, `open palette, ${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: `${shots}/quick-capture-desktop-preview.png` });

  // 3: Enter saves, and the score change shows with a link to the client
  await line.press("Enter");
  await expect(dialog.getByTestId("quick-capture-score")).toHaveText(/^Fit score .+ · .+/);
  await expect(dialog.getByTestId("quick-capture-saved")).toContainText(`Logged. ${name} — Website refresh: they asked for 20% off`);
  expect(await events(request, quote.id)).toEqual([expect.objectContaining({ kind: "discount_request", percentBp: 2000, amount: null })]);
  await page.screenshot({ path: `${shots}/quick-capture-desktop.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await axeClean(page, "saved, dark");
  await page.screenshot({ path: `${shots}/quick-capture-desktop-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });

  // the score it reports is the one the client page shows
  const score = (await (await request.get(`/api/v1/clients/${client.id}/score`)).json()) as { score: number | null };
  await expect(dialog.getByTestId("quick-capture-score")).toContainText(new RegExp(`Fit score (now |stays |\\d+ → )${score.score ?? "–"} · `));
  await dialog.getByRole("link", { name: `Open ${name}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("fit-score")).toHaveText(String(score.score ?? "–"));
});

test("no name typed: pick the client from the list with the arrow keys, then Enter saves; Escape closes and focus returns", async ({ page, request }) => {
  const t = tag();
  const base = `Numbat ${t}`;
  const { quote } = await clientWithQuote(request, base);
  await clientWithQuote(request, `${base} Labs`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const button = page.getByRole("button", { name: "Quick log" });
  await button.click();
  const dialog = page.getByRole("dialog", { name: "Quick log" });
  const line = dialog.getByRole("combobox", { name: "What happened?" });
  // a word both names share: the list asks which
  await line.fill(`held firm ${t}`);
  const list = dialog.getByRole("listbox", { name: /Which client\?/ });
  await expect(list.getByRole("option")).toHaveText([new RegExp(`^${base}1 open quote$`), new RegExp(`^${base} Labs1 open quote$`)]);
  await expect(dialog.getByTestId("quick-capture-preview")).toContainText("Which client: 2 clients match");
  await page.screenshot({ path: `${shots}/quick-capture-desktop-choose.png` });
  await line.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(line).toHaveAttribute("aria-activedescendant", /.+/);
  await line.press("Enter");
  await expect(dialog.getByRole("button", { name: `Remove the client ${base}` })).toBeVisible();
  await expect(dialog.getByTestId("quick-capture-preview")).toContainText(`${base} — Website refresh: I held firm at $4,000.00`);
  await line.press("Enter");
  await expect(dialog.getByTestId("quick-capture-score")).toBeVisible();
  expect(await events(request, quote.id)).toEqual([expect.objectContaining({ kind: "my_answer", answer: "held_firm" })]);

  // unknown input: what it can log
  await line.fill("lunch on Tuesday");
  await expect(dialog.getByTestId("quick-capture-preview")).toContainText("I can log:");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test("phone 390×844: the nav button opens a full-width sheet; a counter-offer is logged", async ({ page, request }) => {
  const name = `Wombat ${tag()}`;
  const { quote } = await clientWithQuote(request, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const button = page.getByRole("button", { name: "Quick log" });
  await expect(button).toBeInViewport();
  await page.screenshot({ path: `${shots}/quick-capture-phone-nav.png` });
  await button.click();
  const dialog = page.getByRole("dialog", { name: "Quick log" });
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(389);
  const line = dialog.getByRole("combobox", { name: "What happened?" });
  await line.fill(`${name} countered $1,800`);
  await expect(dialog.getByTestId("quick-capture-preview")).toContainText("they countered at $1,800.00");
  await axeClean(page, "phone");
  await page.screenshot({ path: `${shots}/quick-capture-phone-preview.png` });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByTestId("quick-capture-score")).toHaveText(/^Fit score /);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/quick-capture-phone.png` });
  expect(await events(request, quote.id)).toEqual([expect.objectContaining({ kind: "client_counter", amount: 180000 })]);
});

async function interactions(request: APIRequestContext, clientId: number) {
  return ((await (await request.get(`/api/v1/clients/${clientId}/interactions`)).json()) as { interactions: { kind: string; answered: boolean | null; quoteId: number | null }[] }).interactions;
}

test("on a client's page: Ctrl-K, “follow-up, no answer”, Enter — logged on that client; Save says why it is blocked", async ({ page, request }) => {
  const name = `Bilby ${tag()}`;
  const { client } = await clientWithQuote(request, name);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  // 1: the shortcut; the page's client is already chosen, as a chip that can be removed
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Quick log" });
  const line = dialog.getByRole("combobox", { name: "What happened?" });
  await expect(line).toBeFocused();
  await expect(dialog.getByRole("button", { name: `Remove the client ${name}` })).toBeVisible();
  // nothing typed yet: Save looks and says it is blocked
  const save = dialog.getByRole("button", { name: "Save" });
  await expect(save).toHaveAttribute("aria-disabled", "true");
  await expect(save).toHaveAccessibleDescription("Type what happened first");

  // 2: one line, no name; 3: Enter
  await line.fill("follow-up, no answer");
  await expect(dialog.getByTestId("quick-capture-preview")).toContainText(`${name}: I followed up, no answer (chasing)`);
  await expect(save).toHaveAttribute("aria-disabled", "false");
  await axeClean(page, "on a client's page");
  await page.screenshot({ path: `${shots}/quick-capture-desktop-page-client.png` });
  await line.press("Enter");
  await expect(dialog.getByTestId("quick-capture-saved")).toContainText(`Logged. ${name}: I followed up, no answer (chasing)`);
  expect(await interactions(request, client.id)).toEqual([expect.objectContaining({ kind: "follow_up", answered: false })]);

  // the chip removed: the line alone is not enough; Save is blocked, and Enter says so and moves to the list
  await dialog.getByRole("button", { name: `Remove the client ${name}` }).click();
  await line.fill("follow-up, no answer");
  await expect(dialog.getByRole("listbox", { name: /Which client\?/ })).toBeVisible();
  await expect(save).toHaveAttribute("aria-disabled", "true");
  await expect(save).toHaveAccessibleDescription("Pick the client from the list");
  await line.press("Enter");
  await expect(dialog.getByText("Not saved yet. Pick the client from the list")).toBeVisible();
  await expect(line).toHaveAttribute("aria-activedescendant", /.+/);
  await page.screenshot({ path: `${shots}/quick-capture-desktop-blocked.png` });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeClean(page, `blocked, ${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  expect(await interactions(request, client.id)).toHaveLength(1);
});

test("phone, on a quote's page: its client and quote are chosen; a name typed in the line wins, and the preview says so", async ({ page, request }) => {
  const t = tag();
  const name = `Quoll ${t}`;
  const other = `Dingo ${t}`;
  const { client, quote } = await clientWithQuote(request, name);
  const { client: otherClient } = await clientWithQuote(request, other);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/quotes/${quote.id}`);
  await page.getByRole("button", { name: "Quick log" }).click();
  const dialog = page.getByRole("dialog", { name: "Quick log" });
  const line = dialog.getByRole("combobox", { name: "What happened?" });
  await expect(dialog.getByRole("button", { name: `Remove the client ${name}` })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Remove the quote Website refresh" })).toBeVisible();
  await line.fill(`Dingo ${t} follow-up, no answer`);
  const preview = dialog.getByTestId("quick-capture-preview");
  await expect(preview).toContainText(`${other}: I followed up, no answer (chasing)`);
  await expect(preview).toContainText(`this goes on ${other}, not on ${name} (this page's client)`);
  await axeClean(page, "phone, quote page");
  await page.screenshot({ path: `${shots}/quick-capture-phone-page-quote.png` });
  await line.fill("follow-up, no answer");
  await expect(preview).toContainText(`${name} — Website refresh: I followed up, no answer (chasing)`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByTestId("quick-capture-score")).toBeVisible();
  expect(await interactions(request, client.id)).toEqual([expect.objectContaining({ kind: "follow_up", quoteId: quote.id })]);
  expect(await interactions(request, otherClient.id)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
