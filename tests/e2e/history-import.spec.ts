/**
 * Issue 14's journey: a freelancer brings their Toggl history in, and Walkaway judges the job on the time
 * it really took. The quote "Website rebuild" was agreed at $4,000 for 40 h ($100/h, at target); the Toggl
 * export (tests/fixtures/toggl-detailed.csv) holds 70 h on it: the true rate is $57.14/h, below the $80
 * floor. The quote page, the client's pay criterion and the dashboard must all say so.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SHOTS, api, axeClean, unique } from "./helpers";

type Score = { score: number | null; criteria: { key: string; score: number | null; evidence: string[] }[] };

test("history import: a Toggl export shows a job whose true rate fell below the floor, on the quote, the client's pay and the dashboard", async ({ page, request }) => {
  const tag = unique();
  const clientName = `Brightline ${tag}`;
  // the fixture as exported, with this run's client names (a retry must not meet the last run's rows)
  const csv = fs
    .readFileSync(path.join(__dirname, "../fixtures/toggl-detailed.csv"), "utf8")
    .replaceAll(",Brightline,", `,${clientName},`)
    .replaceAll(",Northwind Books,", `,Northwind Books ${tag},`);

  const service = await api<{ id: number; name: string }>(request, "post", "/api/v1/services", { name: `Site builds ${tag}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name: clientName, leadSource: "referral", status: "active" });
  const quote = await api<{ id: number }>(request, "post", "/api/v1/quotes", {
    clientId: client.id,
    serviceId: service.id,
    title: "Website rebuild",
    estimatedMinutes: 40 * 60,
    quotedAmount: 400000,
    currency: "USD",
    status: "sent",
    sentOn: "2026-09-28",
  });
  await api(request, "post", `/api/v1/quotes/${quote.id}/outcome`, { status: "accepted", agreedAmount: 400000, decidedOn: "2026-10-01" });
  const payOf = (s: Score) => s.criteria.find((c) => c.key === "pay")!;
  const before = await api<Score>(request, "get", `/api/v1/clients/${client.id}/score`);
  // $100/h on the estimate: at target (one job: the prior still holds it short of 100)
  expect(payOf(before).score!).toBeGreaterThanOrEqual(80);

  // 1. Data → Bring your history: the file, recognised as Toggl, previewed, imported
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/data");
  const history = page.getByRole("region", { name: "Bring your history" });
  await history.getByLabel("CSV file").setInputFiles({ name: "toggl-detailed.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(history.getByText("It looks like Toggl Track (detailed report).")).toBeVisible();
  await history.getByRole("button", { name: "Preview", exact: true }).click();
  const importButton = history.getByRole("button", { name: "Import", exact: true });
  await expect(importButton).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/history-import-preview-desktop.png`, fullPage: true });
  await importButton.click();
  const result = history.getByTestId("history-result");
  await expect(result).toBeVisible();
  await expect(result.getByRole("link", { name: `Website rebuild (${clientName})` })).toBeVisible();
  await expect(result.getByRole("link", { name: `Northwind Books ${tag}` })).toBeVisible();
  await axeClean(page, "data page after an import");
  await page.screenshot({ path: `${SHOTS}/history-import-result-desktop.png`, fullPage: true });

  // 2. the quote: 70 h logged against 40 h, the true rate below the floor
  await result.getByRole("link", { name: `Website rebuild (${clientName})` }).click();
  await expect(page).toHaveURL(new RegExp(`/quotes/${quote.id}$`));
  await expect(page.getByTestId("time-logged")).toHaveText("70 h logged against 40 h estimated");
  const notice = page.getByTestId("creep-notice");
  await expect(notice).toContainText("Ran 75% over its estimate");
  await expect(notice).toContainText("$57.14");
  await expect(notice).toContainText("below your floor of $80.00");
  await expect(page.getByTestId("settling")).toContainText("Settled hard: below your floor.");
  await axeClean(page, "quote page after the import");
  await page.screenshot({ path: `${SHOTS}/history-import-quote-desktop.png`, fullPage: true });

  // 3. the client's pay criterion: the job now counts below the floor
  const after = await api<Score>(request, "get", `/api/v1/clients/${client.id}/score`);
  expect(payOf(after).score!).toBeLessThan(payOf(before).score!);
  expect(payOf(after).evidence.join(" ")).toContain("$57.14");
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByText(/Lowest: \$57\.14\/hour on “Website rebuild”/).first()).toBeVisible();

  // 4. the dashboard (all time): the job in "estimate vs actual" and below the floor
  await page.goto("/dashboard?range=all");
  const estimates = page.locator("#estimates");
  await expect(estimates).toBeVisible();
  await estimates.getByText("Show as table").click();
  const byClient = page.getByRole("table", { name: "Estimate vs actual, by client" });
  const row = byClient.getByRole("row").filter({ hasText: clientName });
  await expect(row).toContainText("75%");
  const dashboard = await api<{ estimates: { byClient: { clientId: number; overrunBp: number | null; creptJobs: number }[] } }>(request, "get", "/api/v1/dashboard?range=all");
  expect(dashboard.estimates.byClient.find((g) => g.clientId === client.id)).toMatchObject({ overrunBp: 7500, creptJobs: 1 });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/history-import-dashboard-desktop.png`, fullPage: false });

  // 5. on a phone: the quote's notice comes through
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/quotes/${quote.id}`);
  await expect(page.getByTestId("creep-notice")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/history-import-quote-phone.png`, fullPage: true });
});
