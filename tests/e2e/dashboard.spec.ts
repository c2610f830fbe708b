import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { formatMoney } from "../../lib/money";

// The e2e database is shared with the other specs: make sure the demo book is there (the setup project
// normally loads it through the first-run button), and never assume nothing else was added.
async function ensureDemo(request: APIRequestContext) {
  const { clients } = (await (await request.get("/api/v1/clients?q=Brightline")).json()) as { clients: { name: string }[] };
  const res = await request.post("/api/v1/demo");
  // loading twice would duplicate every client: the route refuses once the demo is there
  expect(res.status()).toBe(clients.some((c) => c.name === "Brightline Media") ? 409 : 201);
}

interface ApiDashboard {
  currency: string;
  locale: string;
  headline: { settling: { moneyLeft: number } };
  fit: { clientId: number; name: string; score: number | null }[];
}

async function api(request: APIRequestContext, query: string): Promise<ApiDashboard> {
  const res = await request.get(`/api/v1/dashboard${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ApiDashboard;
}

const CHARTS = ["fit", "keep", "trend", "where-service", "where-lead", "where-client", "negotiation", "rejections", "chasing"];

async function chartsDrawn(page: Page) {
  for (const id of CHARTS) await expect(page.getByTestId(`chart-${id}`).locator("svg.recharts-surface")).toHaveCount(1);
}

test("the dashboard draws every chart as SVG with data, with a table behind each", async ({ page, request }) => {
  await ensureDemo(request);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await chartsDrawn(page);

  const bars = (id: string) => page.getByTestId(`chart-${id}`).locator(".recharts-bar-rectangle path");
  // one bar per scored client (the demo alone has 12)
  expect(await bars("fit").count()).toBeGreaterThanOrEqual(12);
  expect(await page.getByTestId("chart-keep").locator(".recharts-scatter-symbol").count()).toBeGreaterThanOrEqual(10);
  for (const id of ["where-service", "where-lead", "where-client", "negotiation", "rejections", "chasing"]) {
    expect(await bars(id).count(), `${id} has bars`).toBeGreaterThan(0);
  }
  // the effective-rate line has a real path, not an empty one
  const line = page.getByTestId("chart-trend").locator(".recharts-line-curve").last();
  expect((await line.getAttribute("d"))?.length ?? 0).toBeGreaterThan(10);

  // every chart has an accessible name and description (the svg's <title> and <desc>, and the figure's)
  for (const id of CHARTS) {
    const fig = page.getByTestId(`chart-${id}`);
    expect((await fig.locator("svg.recharts-surface > title").textContent())?.length ?? 0, `${id} title`).toBeGreaterThan(3);
    expect((await fig.locator("svg.recharts-surface > desc").textContent())?.length ?? 0, `${id} desc`).toBeGreaterThan(10);
  }

  // the table alternative carries the data: Brightline Media is in the fit table with its score
  const fitCard = page.locator("#fit");
  await fitCard.getByText("Show as table").click();
  const row = fitCard.getByRole("row", { name: /Brightline Media/ });
  const brightline = (await api(request, "")).fit.find((r) => r.name === "Brightline Media")!;
  await expect(row.getByRole("cell").first()).toHaveText(String(brightline.score));
});

test("a filter change updates the figures and the URL, with the keyboard and without JavaScript", async ({ page, request, browser }) => {
  await ensureDemo(request);
  await page.goto("/dashboard");
  const form = page.getByRole("form", { name: "Dashboard filters" });
  const money = page.getByTestId("headline-money-left-value");
  const all = await api(request, "?range=all");
  const fmt = (v: number) => formatMoney(v, all.currency, all.locale);
  await expect(money).toHaveText(fmt((await api(request, "")).headline.settling.moneyLeft));

  // keyboard: choose the period, then Enter on Apply
  await form.getByLabel("Period").selectOption("30d");
  await form.getByRole("button", { name: "Apply" }).press("Enter");
  await expect(page).toHaveURL(/[?&]range=30d/);
  await expect(money).toHaveText(fmt((await api(request, "?range=30d")).headline.settling.moneyLeft));
  await expect(form.getByLabel("Period")).toHaveValue("30d");

  // service and lead source; the URL is bookmarkable and the page agrees with the API
  await form.getByLabel("Period").selectOption("all");
  await form.getByLabel("Service").selectOption({ label: "Web development" });
  await form.getByLabel("Lead source").selectOption("platform");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(page).toHaveURL(/leadSource=platform/);
  const serviceId = new URL(page.url()).searchParams.get("serviceId");
  expect(serviceId).toMatch(/^\d+$/);
  const filtered = await api(request, `?range=all&serviceId=${serviceId}&leadSource=platform`);
  await expect(money).toHaveText(fmt(filtered.headline.settling.moneyLeft));
  expect(filtered.headline.settling.moneyLeft).not.toBe(all.headline.settling.moneyLeft);

  // typing a date switches the period to custom dates
  await form.getByLabel("From").fill("2001-01-01");
  await expect(form.getByLabel("Period")).toHaveValue("custom");

  // without JavaScript the same form is a plain GET form
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await noJs.newPage();
  await p2.goto(new URL("/dashboard", page.url()).toString());
  await p2.getByRole("form", { name: "Dashboard filters" }).getByLabel("Period").selectOption("90d");
  await p2.getByRole("button", { name: "Apply" }).click();
  await expect(p2).toHaveURL(/range=90d/);
  await expect(p2.getByTestId("headline-money-left-value")).toHaveText(fmt((await api(request, "?range=90d")).headline.settling.moneyLeft));
  await noJs.close();
});

test("bad filters are reported, empty periods say what to do, and the API answers 400", async ({ page, request }) => {
  await ensureDemo(request);
  await page.goto("/dashboard?range=7d&leadSource=billboard");
  // (not Next's route announcer, also an alert once the page has hydrated)
  await expect(page.getByRole("alert").filter({ hasText: "Some filters could not be used" })).toContainText("Choose 30d, 90d, 365d, all or custom");
  await chartsDrawn(page);

  await page.goto("/dashboard?from=2001-01-01&to=2001-01-31");
  await expect(page.getByText(/Nothing logged for Jan 1, 2001 to Jan 31, 2001/)).toBeVisible();
  await page.getByRole("link", { name: "Show all time" }).click();
  await expect(page).toHaveURL(/range=all/);
  await chartsDrawn(page);

  const bad = await request.get("/api/v1/dashboard?range=bogus&serviceId=-1");
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { fields: Record<string, string[]> } };
  expect(Object.keys(body.error.fields).sort()).toEqual(["range", "serviceId"]);
});

test("a click on a client's bar opens that client", async ({ page, request }) => {
  await ensureDemo(request);
  await page.goto("/dashboard");
  await chartsDrawn(page);
  // bars are worst fit first, as in the table
  const worst = (await api(request, "")).fit.find((r) => r.score != null)!;
  await page.getByTestId("chart-fit").locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(new RegExp(`/clients/${worst.clientId}$`));
  await expect(page.getByRole("heading", { name: worst.name, level: 1 })).toBeVisible();
});

test("axe finds no violations, light and dark, tables open; screenshots at desktop and phone widths", async ({ page, request }) => {
  await ensureDemo(request);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/dashboard");
    await chartsDrawn(page);
    // open every "Show as table" so the tables are checked too; nothing is excluded
    for (const s of await page.locator("details > summary").all()) await s.click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), scheme).toEqual([]);
  }

  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/dashboard");
  await chartsDrawn(page);
  await page.screenshot({ path: "test-results/screenshots/journeys/dashboard-desktop.png", fullPage: true });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screenshots/dashboard-desktop-dark.png", fullPage: true });

  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  await chartsDrawn(page);
  // journey 2 on a phone: the first figure is on the first screen — the filters fold behind one button
  await page.evaluate(() => window.scrollTo(0, 0));
  const moneyLeft = (await page.getByTestId("headline-money-left").boundingBox())!;
  expect(moneyLeft.y + moneyLeft.height).toBeLessThanOrEqual(844);
  const filters = page.getByRole("form", { name: "Dashboard filters" });
  await expect(filters.getByLabel("Period")).toBeHidden();
  await filters.getByRole("button", { name: "Change the period or filters" }).click();
  await expect(filters.getByLabel("Period")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/journeys/dashboard-phone.png" });
  // nothing wider than the phone: tables scroll inside their own box
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screenshots/dashboard-phone.png", fullPage: true });
});

test("a verdict capped by a red flag says so: the legend's rules, a note under the chart, the tooltip and the table row", async ({ page, request }) => {
  await ensureDemo(request);
  const fit = (await (await request.get("/api/v1/dashboard")).json()) as { fit: { name: string; score: number | null; verdictLabel: string; capped: string | null }[] };
  // the demo's Marlow Legal scores in the keep band, but a red flag keeps it from "Keep"
  const capped = fit.fit.filter((r) => r.capped);
  expect(capped.length, "the demo has a capped client").toBeGreaterThan(0);
  const c = capped[0];
  expect(c.capped).toMatch(/^capped by a red flag: .+ \(\d+\/100\)$/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  const card = page.locator("#fit");
  await expect(card.getByText("Keep: 70+ and no red flag")).toBeVisible();
  await expect(card.getByText(/Set boundaries: 40.69, or 70\+ with a red flag/)).toBeVisible();
  await expect(card.getByText("Walk away: under 40 or 2 red flags")).toBeVisible();
  await expect(page.getByTestId("fit-capped")).toContainText(`${c.name} (${c.score}): ${c.verdictLabel.toLowerCase()}, ${c.capped}`);
  await page.getByTestId("fit-capped").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/journeys/dashboard-fit-capped-phone.png" });

  await card.getByText("Show as table").click();
  await expect(card.getByRole("row", { name: new RegExp(c.name) })).toContainText(c.capped!);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/dashboard");
  const names = fit.fit.filter((r) => r.score != null).map((r) => r.name);
  const bar = page.getByTestId("chart-fit").locator(".recharts-bar-rectangle").nth(names.indexOf(c.name));
  await bar.hover();
  await expect(page.getByTestId("chart-fit").locator(".recharts-tooltip-wrapper")).toContainText(c.capped!);
  await page.getByTestId("chart-fit").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/journeys/dashboard-fit-capped-desktop.png" });
});
