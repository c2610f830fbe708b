import { expect, test } from "@playwright/test";
import { addDays } from "../../lib/dates";
import { SHOTS, api, axeClean, unique } from "./helpers";

/**
 * Today in sections: a section shows a page of its items (the longest waiting first), counts the rest in
 * words and pages through them by the address; the nav still counts every open item. Our own clients
 * (unique names), deleted at the end so the other specs' items are where they were.
 */
interface TodayApi {
  today: string;
  items: { key: string; kind: string; title: string }[];
}

test("a long section shows five, counts the rest and pages through them; phone and desktop; axe clean", async ({ page, request }) => {
  const t = unique();
  const { today } = await api<TodayApi>(request, "get", "/api/v1/today");
  const ids: number[] = [];
  try {
    // seven prospects with a quote sent 20–26 days ago and no reply: seven follow-ups due
    for (let i = 0; i < 7; i++) {
      const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name: `Sections ${t} ${i}`, leadSource: "referral", status: "prospect" });
      ids.push(client.id);
      await api(request, "post", "/api/v1/quotes", { clientId: client.id, currency: "USD", status: "sent", sentOn: addDays(today, -(20 + i)), title: `Pages ${t} ${i}`, estimatedMinutes: 600, quotedAmount: 120000 });
    }
    const list = await api<TodayApi>(request, "get", "/api/v1/today");
    const followUps = list.items.filter((i) => i.kind === "follow_up");
    const n = followUps.length;
    expect(n).toBeGreaterThanOrEqual(7);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    const section = page.locator('[data-testid="today-section"][data-kind="follow_up"]');
    await expect(section.getByRole("heading", { level: 2, name: `Follow-ups due (${n})` })).toBeVisible();
    await expect(section.getByTestId("today-item")).toHaveCount(5);
    // the first page is the five longest waiting, in the API's order
    expect(await section.getByTestId("today-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-key")))).toEqual(followUps.slice(0, 5).map((i) => i.key));
    const pager = section.getByRole("navigation", { name: "More follow-ups due" });
    await expect(pager).toContainText(`Showing 1\u20135 of ${n}. ${n - 5} more follow-up${n - 5 === 1 ? "" : "s"} due.`);
    // the nav still counts every open item, shown or not
    const all = list.items.length;
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: `Today, ${all} open ${all === 1 ? "item" : "items"}`, exact: true })).toBeVisible();
    await expect(page.getByTestId("today-summary")).toContainText(`${all} things to do`);
    await page.screenshot({ path: `${SHOTS}/today-sections-desktop.png`, fullPage: true });

    // the next page: the following five (or fewer), the address says which
    await pager.getByRole("link", { name: /^Next \d+$/ }).click();
    await expect(page).toHaveURL(/[?&]follow_up=2(&|#|$)/);
    await expect(section.getByTestId("today-item").first()).toHaveAttribute("data-key", followUps[5].key);
    await expect(section.getByRole("navigation", { name: "More follow-ups due" })).toContainText(`Showing 6\u2013${Math.min(10, n)} of ${n}.`);
    await expect(section.getByRole("link", { name: "Previous 5" })).toBeVisible();
    // one of my items, acted on from page 2: it leaves the list, the count follows
    const mine = section.getByTestId("today-item").filter({ hasText: `Sections ${t}` }).first();
    const key = await mine.getAttribute("data-key");
    await mine.getByRole("button", { name: "Not relevant" }).click();
    await expect(page.locator(`[data-testid="today-item"][data-key="${key}"]`)).toHaveCount(0);
    await expect(section.getByRole("heading", { level: 2, name: `Follow-ups due (${n - 1})` })).toBeVisible();

    // a page past the end shows the last one; a malformed page, the first
    await page.goto("/?follow_up=999");
    await expect(section.getByRole("link", { name: "Previous 5" })).toBeVisible();
    await page.goto("/?follow_up=abc");
    await expect(section.getByTestId("today-item")).toHaveCount(5);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await section.getByRole("navigation", { name: "More follow-ups due" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/today-sections-phone.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await axeClean(page, "Today in sections (phone)");
  } finally {
    for (const id of ids) await request.delete(`/api/v1/clients/${id}`);
  }
});

test("Settings sends no long lists, and still offers every time zone and currency once loaded", async ({ page, request }) => {
  const res = await request.get("/settings");
  const html = await res.text();
  // the lists are the browser's: the page holds the current choice, not ~420 zones
  expect((html.match(/America\/Argentina/g) ?? []).length).toBe(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/settings");
  const zones = page.getByLabel("Time zone");
  await expect.poll(() => zones.locator("option").count()).toBeGreaterThan(300);
  await expect(page.getByLabel("Currency", { exact: true }).locator('option[value="JPY"]')).toHaveCount(1);
  await expect(page.getByLabel("Paid in").locator('option[value="CHF"]')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/settings-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/settings-phone.png` });
  await axeClean(page, "Settings (phone)");
});
