import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startServer, tempDir, type Server } from "../integration/server";

const unique = () => Math.random().toString(36).slice(2, 8);

/** Fail the test on any Content-Security-Policy violation: the app must work under its own policy. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
}

test("a client named with HTML and script is shown as text and never runs", async ({ page }) => {
  const noViolations = await watchCsp(page);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const name = `<script>window.__xss=1;alert(1)</script><img src=x onerror="window.__xss=2"> ${unique()}`;
  await page.goto("/clients/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Notes").fill('<b>bold?</b> <a href="javascript:alert(1)">link</a>');
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText('<b>bold?</b> <a href="javascript:alert(1)">link</a>')).toBeVisible();
  await page.goto("/clients");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("img[src='x']").count()).toBe(0);
  expect(dialogs).toBe(0);
  await noViolations();
});

test("the data page works under the CSP: export, import (merge, refused bad file), CSV preview and import, backup", async ({ page }) => {
  const noViolations = await watchCsp(page);
  const tag = unique();
  // something to export, including a spreadsheet formula
  await page.goto("/clients/new");
  await page.getByLabel("Name").fill(`=1+1 formula ${tag}`);
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("heading", { name: `=1+1 formula ${tag}` })).toBeVisible();

  const response = await page.goto("/data");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("link", { name: "Your data" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  const counts = page.getByTestId("book-counts");
  const clientsBefore = Number(/(\d+) clients/.exec((await counts.textContent()) ?? "")?.[1]);
  expect(clientsBefore).toBeGreaterThan(0);

  // export: one JSON file with everything
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download everything (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^walkaway-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(exported.format).toBe("walkaway-export");
  expect(exported.clients.length).toBe(clientsBefore);

  // CSV: the formula is neutralised
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Clients (CSV)" }).click()]);
  const csv = fs.readFileSync((await csvDownload.path())!, "utf8");
  expect(csv).toContain(`'=1+1 formula ${tag}`);

  // import a broken (truncated) file: refused, nothing changes
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-e2e-"));
  const broken = path.join(dir, "broken.json");
  const whole = fs.readFileSync((await download.path())!, "utf8");
  fs.writeFileSync(broken, whole.slice(0, Math.floor(whole.length / 2)));
  const importForm = page.getByRole("form", { name: "Import a JSON export" });
  await importForm.getByLabel("Export file (.json)").setInputFiles(broken);
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("alert").first()).toContainText(/not valid JSON/i);
  await expect(counts).toContainText(`${clientsBefore} clients`);

  // replace needs an explicit confirmation (hydrated React shows the checkbox)
  await importForm.getByLabel(/Replace/).check();
  const good = path.join(dir, "good.json");
  fs.writeFileSync(good, whole);
  await importForm.getByLabel("Export file (.json)").setInputFiles(good);
  await importForm.getByRole("button", { name: "Replace my book" }).click();
  await expect(importForm.getByText("Tick the box to replace your whole book with the file").first()).toBeVisible();
  await expect(counts).toContainText(`${clientsBefore} clients`);

  // merge the exported file back: the book doubles
  await importForm.getByLabel(/Merge/).check();
  await importForm.getByLabel("Export file (.json)").setInputFiles(good);
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("status")).toContainText(`Added to your book: ${clientsBefore} clients`);
  await expect(counts).toContainText(`${clientsBefore * 2} clients`);

  // CSV client import: preview first, with the bad row named, then import the valid ones
  const csvFile = path.join(dir, "clients.csv");
  fs.writeFileSync(csvFile, `name,email,lead_source\r\nCsv One ${tag},one@example.com,referral\r\nCsv Bad ${tag},not-an-email,referral\r\nCsv Two ${tag},,Cold outreach\r\n`);
  await page.getByLabel("Clients CSV").setInputFiles(csvFile);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("csv-preview");
  const table = preview.getByRole("table", { name: "Clients to create" });
  await expect(table.getByRole("cell", { name: `Csv One ${tag}` })).toBeVisible();
  await expect(table.getByRole("cell", { name: `Csv Two ${tag}` })).toBeVisible();
  await expect(table.getByRole("cell", { name: "Cold outreach" })).toBeVisible();
  await expect(preview.getByRole("list", { name: "Rows with problems" })).toContainText("Line 3: email — Enter a valid email address");
  await expect(counts).toContainText(`${clientsBefore * 2} clients`);
  await page.getByRole("button", { name: "Import the 2 valid rows, skip 1" }).click();
  await expect(page.getByText("Imported 2 clients; skipped 1 rows with problems.")).toBeVisible();
  await expect(counts).toContainText(`${clientsBefore * 2 + 2} clients`);

  // back up now
  await page.getByRole("button", { name: "Back up now" }).click();
  await expect(page.getByText(/Backed up to .*walkaway-.*\.db/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Recent backups" })).toContainText("walkaway-");

  await page.goto("/clients");
  await expect(page.getByRole("link", { name: `Csv One ${tag}`, exact: true })).toBeVisible();
  await noViolations();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/data");
  await page.screenshot({ path: "test-results/screenshots/data-page.png", fullPage: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

test.describe("with WALKAWAY_PASSWORD", () => {
  const password = "e2e password 123";
  let server: Server;
  let dir: string;
  test.beforeAll(async () => {
    dir = tempDir("walkaway-e2e-auth-");
    server = await startServer({ WALKAWAY_DB: path.join(dir, "auth.db"), WALKAWAY_PASSWORD: password });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("sign in, work, sign out in a real browser (SameSite=Strict cookie, hydrated login form)", async ({ page }) => {
    const noViolations = await watchCsp(page);
    await page.goto(`${server.url}/clients`);
    await expect(page).toHaveURL(/\/login\?next=%2Fclients$/);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong password");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${server.url}/clients`);
    const cookie = (await page.context().cookies()).find((c) => c.name === "walkaway_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("walkaway_session");
    // a server action works signed in
    await page.goto(`${server.url}/clients/new`);
    await page.getByLabel("Name").fill("Signed-in client");
    await page.getByRole("button", { name: "Add client" }).click();
    await expect(page.getByRole("heading", { name: "Signed-in client" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto(`${server.url}/clients`);
    await expect(page).toHaveURL(/\/login/);
    await noViolations();
  });
});
