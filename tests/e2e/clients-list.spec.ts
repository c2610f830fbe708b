import { expect, test, type Page } from "@playwright/test";
import { SHOTS, api, axeClean, unique } from "./helpers";

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

/** An icon drawn once and pointed to: its symbol is on the page, and the pointer has a size. */
async function iconDrawn(page: Page, selector: string) {
  const icon = page.locator(selector).first();
  const href = await icon.locator("use").getAttribute("href");
  expect(href).toMatch(/^#/);
  expect(await page.locator(`symbol${href}`).count()).toBe(1);
  const box = await icon.boundingBox();
  expect(box!.width).toBeGreaterThan(10);
}

test("clients list and client page stay whole while sent lean: search, sort, verdict icons, timeline edit and remove", async ({ page, request }) => {
  // a client of our own (the demo book stays as other specs expect it)
  const name = `Lean Co ${unique()}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, company: `${name} Ltd`, leadSource: "referral", status: "active" });
  const quote = await api<{ id: number }>(request, "post", "/api/v1/quotes", { clientId: client.id, title: "Lean rebuild", estimatedMinutes: 1200, quotedAmount: 300000, currency: "USD", status: "sent" });
  await api(request, "post", `/api/v1/quotes/${quote.id}/events`, { kind: "discount_request", percentBp: 2500 });
  await api(request, "post", `/api/v1/quotes/${quote.id}/events`, { kind: "my_answer", answer: "conceded" });
  for (let i = 0; i < 3; i++) await api(request, "post", `/api/v1/clients/${client.id}/interactions`, { kind: "follow_up", answered: false });
  const score = await api<{ score: number | null; verdictLabel: string }>(request, "get", `/api/v1/clients/${client.id}/score`);

  // the list: the whole book, worst fit first, with every column
  await page.setViewportSize(desktop);
  await page.goto("/clients");
  const table = page.getByRole("table", { name: "Clients with fit score and verdict" });
  await expect(table).toBeVisible();
  const scores = await table.locator("tbody tr td:nth-child(2) span.w-8").allTextContents();
  const known = scores.filter((s) => s !== "–").map(Number);
  expect(known.length).toBeGreaterThan(3);
  expect(known).toEqual([...known].sort((a, b) => a - b));
  await iconDrawn(page, "table [data-verdict] svg");
  for (const column of ["Client", "Fit score", "Verdict", "Left on the table", "Status", "Source"]) await expect(table.getByRole("columnheader", { name: column })).toBeVisible();

  // search finds our client by company; the row says what its score says
  await page.getByLabel("Search").fill(`${name} Ltd`);
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/q=Lean/);
  const row = table.locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name })).toHaveAttribute("href", `/clients/${client.id}`);
  await expect(row).toContainText(`${name} Ltd`);
  await expect(row).toContainText(score.verdictLabel);
  await expect(row).toContainText(String(score.score ?? "–"));
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Referral");
  // sorting by name keeps the search
  await table.getByRole("link", { name: "Client", exact: true }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(/q=Lean/);
  await expect(table.getByRole("columnheader", { name: "Client" })).toHaveAttribute("aria-sort", "ascending");
  await axeClean(page, "clients list (desktop)");
  await page.goto("/clients");
  await page.screenshot({ path: `${SHOTS}/clients-list-desktop.png`, fullPage: true });

  await page.setViewportSize(phone);
  await expect(page.getByTestId("client-cards")).toBeVisible();
  await iconDrawn(page, "[data-testid=client-cards] [data-verdict] svg");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await axeClean(page, "clients list (phone)");
  await page.screenshot({ path: `${SHOTS}/clients-list-phone.png`, fullPage: true });

  // the client page: its timeline's edit and remove buttons have their icons, and both still work
  await page.setViewportSize(desktop);
  await page.goto(`/clients/${client.id}`);
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText("They asked for 25% off")).toBeVisible();
  await iconDrawn(page, 'button[aria-label^="Edit:"] svg');
  await iconDrawn(page, 'button[aria-label^="Remove:"] svg');
  await expect(timeline.getByRole("link", { name: "Lean rebuild" }).first()).toHaveAttribute("href", `/quotes/${quote.id}`);
  await timeline.getByRole("button", { name: "Edit: They asked for 25% off" }).click();
  const percent = timeline.getByLabel(/Percent off/i);
  await expect(percent).toHaveValue("25");
  await percent.fill("30");
  await timeline.getByRole("button", { name: /Save/ }).click();
  await expect(timeline.getByText("They asked for 30% off")).toBeVisible();
  await expect(timeline.getByRole("status")).toContainText("Saved.");
  const followUps = timeline.getByRole("button", { name: "Remove: I followed up, no answer" });
  await expect(followUps).toHaveCount(3);
  page.once("dialog", (d) => d.accept());
  await followUps.first().click();
  await expect(followUps).toHaveCount(2);
  await axeClean(page, "client page (desktop)");
  await page.screenshot({ path: `${SHOTS}/client-page-lean-desktop.png`, fullPage: true });
  await page.setViewportSize(phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await page.screenshot({ path: `${SHOTS}/client-page-lean-phone.png`, fullPage: true });

  // the scores API: a page, only the fields asked for, and a 400 that names the parameter
  const slim = await api<{ scores: Record<string, unknown>[]; next: string | null; total: number }>(request, "get", "/api/v1/scores?limit=2&fields=score,verdict");
  expect(slim.scores).toHaveLength(2);
  expect(Object.keys(slim.scores[0])).toEqual(["client", "score", "verdict"]);
  expect(slim.next).toMatch(/^\/api\/v1\/scores\?limit=2&after=\d+&fields=score,verdict$/);
  const bad = await request.get("/api/v1/scores?limit=0");
  expect(bad.status()).toBe(400);
  expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields)).toEqual(["limit"]);
});
