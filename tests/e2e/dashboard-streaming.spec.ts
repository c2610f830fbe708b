import { expect, test } from "@playwright/test";

// The dashboard streams (docs/dashboard.md, "How the page loads"): the title, scope and filters first,
// a skeleton where the figures will be; the headline, then each section, replace their skeletons as they
// come, without moving the page about; a write shows at once.

test("the first bytes carry the title and filters with skeletons; every section replaces its own", async ({ request, page }) => {
  const html = await (await request.get("/dashboard")).text();
  const at = (s: string) => html.indexOf(s);
  // the shell: the title and the filter form before any figure, the figures' skeleton in their place
  expect(at('data-testid="headline-loading"')).toBeGreaterThan(at("Dashboard filters"));
  expect(at('data-testid="headline-loading"')).toBeLessThan(at('data-testid="headline-money-left"'));
  // each heavy section came in its own boundary, with its own skeleton
  expect(html.split('data-testid="section-loading"').length - 1).toBeGreaterThanOrEqual(9);

  await page.goto("/dashboard");
  for (const id of ["fit", "keep", "trend", "where", "estimates", "negotiation", "rejections", "chasing", "proposals"]) {
    await expect(page.locator(`#${id}`), id).toBeVisible();
  }
  await expect(page.getByTestId("section-loading")).toHaveCount(0);
  await expect(page.getByTestId("headline-loading")).toHaveCount(0);
});

test("nothing jumps while the sections stream in (cumulative layout shift under 0.1)", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/dashboard");
  await expect(page.locator("#chasing")).toBeVisible();
  await page.waitForLoadState("load");
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  expect(cls).toBeLessThan(0.1);
});

test("the skeletons hold the place of what replaces them: the first sections start where their skeletons did", async ({ page, request, baseURL }) => {
  const html = await (await request.get("/dashboard")).text();
  // the page as first drawn: everything before the streamed parts, no scripts (so nothing replaces the skeletons)
  const shell = html.slice(0, html.indexOf('<div hidden id="S:')).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace("<head>", `<head><base href="${baseURL}/">`);
  await page.setContent(`${shell}</body></html>`, { waitUntil: "load" });
  const skeletonTop = await page.getByLabel("Fit by client: loading").evaluate((el) => el.getBoundingClientRect().top);
  const skeletonHeadline = await page.getByTestId("headline-loading").evaluate((el) => el.getBoundingClientRect().height);
  await page.goto("/dashboard");
  await expect(page.locator("#fit")).toBeVisible();
  const top = await page.locator("#fit").evaluate((el) => el.getBoundingClientRect().top);
  const headline = await page.getByRole("region", { name: "Headline figures" }).evaluate((el) => el.getBoundingClientRect().height);
  // within a line of text: the headline's tiles are drawn at their own height
  expect(Math.abs(headline - skeletonHeadline)).toBeLessThan(40);
  expect(Math.abs(top - skeletonTop)).toBeLessThan(60);
});

test("a logged ask shows at once, on the page and in the API (fields=headline)", async ({ page, request }) => {
  const headline = async () => ((await (await request.get("/api/v1/dashboard?fields=headline")).json()) as { headline: { unpaid: { asks: number } } }).headline;
  const before = (await headline()).unpaid.asks;
  const created = await request.post("/api/v1/clients", { data: { name: `Streaming Check ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  expect((await request.post(`/api/v1/clients/${id}/interactions`, { data: { kind: "ask", subtype: "quick_question", minutes: 20 } })).status()).toBe(201);
  expect((await headline()).unpaid.asks).toBe(before + 1);
  await page.goto("/dashboard");
  await expect(page.getByTestId("headline-unpaid")).toContainText(`${before + 1} unpaid asks`);
});
