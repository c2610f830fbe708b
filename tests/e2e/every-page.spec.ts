import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * Every page of the app, on a desktop (1280×800) and a phone (390×844), in light and dark: axe (WCAG 2
 * A/AA) finds nothing, the browser logs no error, no request fails or answers ≥ 400 (a not-found page's
 * own document answers 404, nothing else), and nothing is wider than the phone. A screenshot of each
 * under test-results/screenshots/pages/. Read-only on the demo book: it only looks.
 */

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const SCHEMES = ["light", "dark"] as const;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface PageCase {
  name: string;
  /** the path, or how to find it from the API (a client's or a quote's id) */
  path: (request: APIRequestContext) => Promise<string>;
  /** the page's main heading, to know it rendered */
  heading: string | RegExp;
  /** a not-found page: its document answers 404 */
  notFound?: boolean;
}

async function clientId(request: APIRequestContext, name: string): Promise<number> {
  const res = await request.get(`/api/v1/clients?q=${encodeURIComponent(name)}`);
  expect(res.ok()).toBe(true);
  const { clients } = (await res.json()) as { clients: { id: number; name: string }[] };
  const c = clients.find((x) => x.name === name);
  expect(c, `demo client ${name}`).toBeTruthy();
  return c!.id;
}

const fixed = (p: string) => async () => p;

const PAGES: PageCase[] = [
  { name: "today", path: fixed("/"), heading: "Today" },
  { name: "dashboard", path: fixed("/dashboard"), heading: "Dashboard" },
  { name: "clients", path: fixed("/clients"), heading: "Clients" },
  { name: "client-new", path: fixed("/clients/new"), heading: /client/i },
  { name: "client", path: async (r) => `/clients/${await clientId(r, "Brightline Media")}`, heading: "Brightline Media" },
  { name: "client-edit", path: async (r) => `/clients/${await clientId(r, "Brightline Media")}/edit`, heading: /Brightline Media|Edit/ },
  {
    name: "quote",
    path: async (r) => {
      const res = await r.get(`/api/v1/quotes?clientId=${await clientId(r, "Brightline Media")}`);
      const body = (await res.json()) as { quotes: { id: number }[] };
      expect(body.quotes.length).toBeGreaterThan(0);
      return `/quotes/${body.quotes[0].id}`;
    },
    heading: /./,
  },
  { name: "offer", path: fixed("/offer"), heading: /offer/i },
  { name: "rates", path: fixed("/rates"), heading: "Rate card" },
  { name: "settings", path: fixed("/settings"), heading: "Settings" },
  { name: "data", path: fixed("/data"), heading: "Your data" },
  { name: "login", path: fixed("/login"), heading: "Sign in" },
  { name: "not-found", path: fixed("/no-such-page"), heading: "Nothing here", notFound: true },
  { name: "client-not-found", path: fixed("/clients/999999"), heading: "Nothing here", notFound: true },
  { name: "quote-not-found", path: fixed("/quotes/999999"), heading: "Nothing here", notFound: true },
];

/** Everything the browser says went wrong while the page loads and settles. */
function watch(page: Page, path: string, notFound: boolean) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // the browser logs a not-found page's own 404 as "Failed to load resource": that one is the point
    const own = m.location().url !== "" && new URL(m.location().url).pathname === path;
    if (notFound && own && m.text().includes("status of 404")) return;
    problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  // React's hydration mismatch (#418 minified, "Hydration failed" in development) is reported as an uncaught error
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    const why = r.failure()?.errorText ?? "";
    // a prefetch the browser dropped because the page moved on is not a failure of the app
    if (why === "net::ERR_ABORTED" && r.resourceType() !== "document") return;
    problems.push(`request failed: ${r.method()} ${r.url()} (${why})`);
  });
  page.on("response", (r) => {
    if (r.status() < 400) return;
    const own = new URL(r.url()).pathname === path && r.request().resourceType() === "document";
    if (notFound && own && r.status() === 404) return;
    problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

for (const p of PAGES) {
  test(`${p.name}: axe clean, no errors, fits a phone — light and dark, desktop and phone`, async ({ browser, request }) => {
    test.setTimeout(150_000);
    const path = await p.path(request);
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, baseURL: test.info().project.use.baseURL });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        const problems = watch(page, path, Boolean(p.notFound));
        const res = await page.goto(path);
        const label = `${p.name} ${size} ${scheme}`;
        if (p.notFound) expect(res?.status(), label).toBe(404);
        else expect(res?.status(), label).toBeLessThan(400);
        await expect(page.getByRole("heading", { level: 1, name: p.heading }).first(), label).toBeVisible();
        await page.waitForLoadState("networkidle");
        // the favicon is asked for by the browser itself; it must be there
        const icon = await page.request.get("/favicon.ico");
        expect(icon.status(), "favicon.ico").toBe(200);
        expect(icon.headers()["content-type"] ?? "").toMatch(/icon/);

        const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(
          axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1] ?? ""}`).join(" | ")}`),
          `axe ${label}`,
        ).toEqual([]);
        if (size === "phone") {
          const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          expect(widths.scroll, `horizontal overflow ${label}`).toBeLessThanOrEqual(widths.client);
        }
        await page.screenshot({ path: `test-results/screenshots/pages/${p.name}-${size}-${scheme}.png`, fullPage: true });
        expect(problems, `browser problems ${label}`).toEqual([]);
        await context.close();
      }
    }
  });
}

test("a not-found page offers the way back: Today, the dashboard, clients and the offer check, under the main navigation", async ({ page }) => {
  await page.goto("/clients/999999");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const back = page.getByRole("navigation", { name: "Ways back" });
  await expect(back.getByRole("link", { name: "Today" })).toHaveAttribute("href", "/");
  await expect(back.getByRole("link", { name: "Dashboard" })).toHaveAttribute("href", "/dashboard");
  await expect(back.getByRole("link", { name: "Clients" })).toHaveAttribute("href", "/clients");
  await expect(back.getByRole("link", { name: "Check an offer" })).toHaveAttribute("href", "/offer");
  await back.getByRole("link", { name: "Clients" }).click();
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
});

test("on a phone the clients list is cards with name, verdict and score; walk away and set boundaries look different", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/clients");
  const cards = page.getByTestId("client-cards");
  await expect(cards).toBeVisible();
  await expect(page.getByRole("table")).toBeHidden();
  const first = cards.getByRole("listitem").first();
  await expect(first.getByRole("link")).toBeVisible();
  await expect(first.locator("[data-verdict]")).toBeVisible();
  await expect(first.getByText("Fit score")).toBeVisible();
  // the demo has both verdicts; their badges differ in background, not only in words
  const bg = async (v: string) => cards.locator(`[data-verdict="${v}"]`).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bg("walk_away")).not.toBe(await bg("set_boundaries"));
  await page.setViewportSize(VIEWPORTS.desktop);
  await expect(page.getByRole("table")).toBeVisible();
  await expect(cards).toBeHidden();
});

test("the rate ruler's labels never overlap on a phone", async ({ page, request }) => {
  const res = await request.get(`/api/v1/quotes?clientId=${await clientId(request, "Brightline Media")}`);
  const { quotes } = (await res.json()) as { quotes: { id: number; serviceId: number | null }[] };
  const withService = quotes.find((q) => q.serviceId != null);
  expect(withService).toBeTruthy();
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto(`/quotes/${withService!.id}`);
  const labels = page.getByTestId("rate-ruler-label");
  await expect(labels).toHaveCount(3);
  const boxes = (await Promise.all((await labels.all()).map((l) => l.boundingBox()))).map((b) => b!);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
    }
  for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(390);
});

test("the dashboard hydrates without a mismatch when its money figures are not round (compact amounts match on server and browser)", async ({ browser, request }) => {
  // a service of our own, so the dashboard filtered by it shows exactly these figures: three accepted
  // quotes of odd amounts, median $1,234.56, i.e. "$1.2K" (Node's ICU wrote "$1.2K" or "$5.0K" where the browser wrote "$5K")
  const tag = Math.random().toString(36).slice(2, 7);
  const service = await (await request.post("/api/v1/services", { data: { name: `Odd sums ${tag}`, unit: "hour", currency: "USD", marketRate: 12345, targetRate: 10101, floorRate: 6007 } })).json();
  for (const [i, amount] of [60000, 123456, 500000].entries()) {
    const client = await (await request.post("/api/v1/clients", { data: { name: `Odd Sums ${tag} ${i + 1}`, leadSource: "referral", status: "active" } })).json();
    const quote = await (await request.post("/api/v1/quotes", { data: { clientId: client.id, serviceId: service.id, title: "Odd job", estimatedMinutes: 613, quotedAmount: amount, currency: "USD", status: "sent" } })).json();
    expect((await request.post(`/api/v1/quotes/${quote.id}/outcome`, { data: { status: "accepted" } })).status()).toBe(200);
  }
  const api = (await (await request.get(`/api/v1/dashboard?range=all&serviceId=${service.id}`)).json()) as { keepOrLetGo: { revenueMedian: number } };
  expect(api.keepOrLetGo.revenueMedian).toBe(123456);

  for (const path of [`/dashboard?range=all&serviceId=${service.id}`, "/dashboard"]) {
    for (const viewport of Object.values(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      const problems = watch(page, "/dashboard", false);
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || /Minified React error #418|Hydration failed|did not match/.test(m.text())) errors.push(m.text());
      });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
      await page.waitForLoadState("networkidle");
      if (path !== "/dashboard") await expect(page.getByTestId("chart-keep")).toContainText("Median revenue ($1.2K)");
      expect(errors, `console errors on ${path} ${viewport.width}px`).toEqual([]);
      expect(problems, `browser problems on ${path} ${viewport.width}px`).toEqual([]);
      await context.close();
    }
  }
});
