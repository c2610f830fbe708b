import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addDays } from "../../lib/dates";
import { SHOTS, api, axeClean, unique } from "./helpers";

/**
 * Today, the home page: a negotiation waiting on my answer is answered through the offer check, a silent
 * prospect is no longer chased, an item is snoozed and brought back. Every client here is our own (unique
 * names, dates relative to the server's today): the demo book the other specs read is left as it was.
 */

interface TodayApi {
  today: string;
  items: { key: string; title: string }[];
  hidden: { item: { key: string }; state: string; snoozedUntil: string | null }[];
}
interface ScoreApi {
  criteria: { key: string; score: number | null }[];
}

const serverToday = async (request: APIRequestContext) => (await api<TodayApi>(request, "get", "/api/v1/today")).today;
const card = (page: Page, key: string) => page.locator(`[data-testid="today-item"][data-key="${key}"]`);
async function criterion(request: APIRequestContext, clientId: number, key: string): Promise<number> {
  const s = await api<ScoreApi>(request, "get", `/api/v1/clients/${clientId}/score`);
  const c = s.criteria.find((x) => x.key === key);
  expect(c?.score, `${key} is scored`).not.toBeNull();
  return c!.score!;
}

/** A prospect with one sent quote (sent `sentDaysAgo` days before the server's today). */
async function prospectWithQuote(request: APIRequestContext, name: string, quote: Record<string, unknown>, sentDaysAgo: number, today: string) {
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "prospect" });
  const q = await api<{ id: number }>(request, "post", "/api/v1/quotes", {
    clientId: client.id,
    currency: "USD",
    status: "sent",
    sentOn: addDays(today, -sentDaysAgo),
    ...quote,
  });
  return { clientId: client.id, quoteId: q.id };
}

/** The nav's Today link reads its count: "Today, 4 open items". */
async function expectNavCount(page: Page, request: APIRequestContext) {
  const n = (await api<TodayApi>(request, "get", "/api/v1/today")).items.length;
  const name = n === 0 ? "Today" : `Today, ${n} open ${n === 1 ? "item" : "items"}`;
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true })).toBeVisible();
}

test("a negotiation waiting on my answer: Today opens the offer check pre-filled; a counter recorded there takes it off the list and moves the haggling score", async ({ page, request }) => {
  const t = unique();
  const today = await serverToday(request);
  // rates we know: target $100/h, so 40 hours at $4,400 is above target and a counter at target concedes $400
  const service = await api<{ id: number }>(request, "post", "/api/v1/services", { name: `Today brand work ${t}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 6000 });
  const name = `Today Haggler ${t}`;
  const { clientId, quoteId } = await prospectWithQuote(request, name, { serviceId: service.id, title: `Brand refresh ${t}`, estimatedMinutes: 2400, quotedAmount: 440000 }, 6, today);
  await api(request, "post", `/api/v1/quotes/${quoteId}/events`, { kind: "discount_request", percentBp: 3000, occurredOn: addDays(today, -2) });
  const before = await criterion(request, clientId, "pricePressure");

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  const item = card(page, `answer:quote:${quoteId}`);
  await expect(item.getByRole("heading", { name: `Answer ${name} on “Brand refresh ${t}”` })).toBeVisible();
  await expect(item).toContainText("They asked for 30% off");
  await expect(item).toContainText("waiting 2 days on your answer");
  await expectNavCount(page, request);
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/today-answer-owed-desktop.png` });

  // the main action first: the offer check, pre-filled with the quote and their ask, and checked on arrival
  const actions = item.getByRole("group", { name: /What to do about/ });
  await expect(actions.getByRole("link").first()).toHaveText("Check their offer");
  await actions.getByRole("link", { name: "Check their offer" }).click();
  await expect(page).toHaveURL(new RegExp(`/offer\\?quoteId=${quoteId}&check=1$`));
  const form = page.getByRole("form", { name: "Offer" });
  await expect(form.getByLabel("Client")).toHaveValue(String(clientId));
  await expect(form.getByLabel("Service")).toHaveValue(String(service.id));
  await expect(form.getByLabel("They offer")).toHaveValue("3080.00");
  // no click: the answer is there
  await expect(page.getByTestId("record-countered")).toHaveText("Counter at $4,000.00");
  await page.screenshot({ path: `${SHOTS}/today-offer-checked-on-arrival-desktop.png` });
  await page.getByTestId("record-countered").click();
  await expect(page.getByTestId("offer-recorded")).toContainText("Recorded: countered");

  // answered: off the list; the quote carries my counter; giving $400 away shows in the haggling score
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(card(page, `answer:quote:${quoteId}`)).toHaveCount(0);
  const events = await api<{ events: { kind: string; amount: number | null }[] }>(request, "get", `/api/v1/quotes/${quoteId}/events`);
  expect(events.events.map((e) => e.kind)).toEqual(["discount_request", "my_counter"]);
  expect(events.events[1].amount).toBe(400000);
  const after = await criterion(request, clientId, "pricePressure");
  expect(after).toBeLessThan(before);
  await expectNavCount(page, request);
});

test("a prospect silent after my follow-ups: stop chasing marks the quote expired, the item leaves and the chasing score drops", async ({ page, request }) => {
  const t = unique();
  const today = await serverToday(request);
  const name = `Today Silent ${t}`;
  // sent 10 days ago (not yet counted as a silent quote), followed up twice (the chase threshold), no reply
  const { clientId, quoteId } = await prospectWithQuote(request, name, { title: `Landing page ${t}`, estimatedMinutes: 600, quotedAmount: 150000 }, 10, today);
  for (const ago of [10, 9]) await api(request, "post", `/api/v1/clients/${clientId}/interactions`, { kind: "follow_up", answered: false, quoteId, occurredOn: addDays(today, -ago) });
  const before = await criterion(request, clientId, "chasing");

  for (const [viewport, label] of [
    [{ width: 1280, height: 800 }, "desktop"],
    [{ width: 390, height: 844 }, "phone"],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto("/");
    const item = card(page, `chase:quote:${quoteId}`);
    await expect(item.getByRole("heading", { name: `Stop chasing ${name} on “Landing page ${t}”` })).toBeVisible();
    await expect(item).toContainText("2 follow-ups since, no reply. Pursuit without reciprocity creates the opposite of attraction.");
    await expect(item).toContainText("$1,500.00");
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/today-stop-chasing-${label}.png` });
    if (label === "phone") expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await axeClean(page, "Today with items (phone)");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/today-desktop.png`, fullPage: true });

  const item = card(page, `chase:quote:${quoteId}`);
  await item.getByRole("button", { name: "Mark it expired" }).click();
  await expect(item).toHaveCount(0);
  const quote = await api<{ status: string; decidedOn: string }>(request, "get", `/api/v1/quotes/${quoteId}`);
  expect(quote).toMatchObject({ status: "expired", decidedOn: today });
  const after = await criterion(request, clientId, "chasing");
  expect(after).toBeLessThan(before);
  // the status line says what was done and how the score moved
  await expect(page.getByTestId("today-confirmation")).toHaveText(new RegExp(`^Marked “Landing page ${t}” expired; ${name}’s chasing ${before} → ${after}`));
  await page.screenshot({ path: `${SHOTS}/today-confirmation-desktop.png` });
  await expectNavCount(page, request);
});

test("snooze an item: it leaves the list for the folded section; a bad day is refused; Bring back restores it; logging my follow-up closes it", async ({ page, request }) => {
  const t = unique();
  const today = await serverToday(request);
  const name = `Today Quiet ${t}`;
  const { quoteId } = await prospectWithQuote(request, name, { title: `Logo pack ${t}`, estimatedMinutes: 300, quotedAmount: 90000 }, 9, today);
  const key = `chase:quote:${quoteId}`;

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const item = card(page, key);
  await expect(item.getByRole("heading", { name: `Follow up with ${name} on “Logo pack ${t}”` })).toBeVisible();
  await expect(item).toContainText("Sent 9 days ago, no reply: follow up once.");
  // the follow-up message is filled in and copies in one click
  const message = item.getByTestId("today-message");
  await expect(message.getByRole("textbox")).toHaveValue(new RegExp(`following up on my quote for Logo pack ${t}`));
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/today-follow-up-phone.png` });

  // a snooze day must be after today: refused with the reason, the item stays
  await item.getByRole("button", { name: "Snooze until…" }).click();
  await item.getByLabel("Snooze until").fill(today);
  await item.getByRole("button", { name: "Snooze", exact: true }).click();
  await expect(item.getByText(/Choose a day after today/)).toBeVisible();
  await expect(item.getByLabel("Snooze until")).toHaveValue(today);
  await item.getByRole("button", { name: "Cancel" }).click();

  // snoozed a week: folded under "Done, snoozed or not relevant", with the day it comes back
  await item.getByRole("button", { name: "Snooze a week" }).click();
  await expect(item).toHaveCount(0);
  // the button is gone with its card: the focus waits on the status line above the list, which says what was done
  await expect(page.getByTestId("today-status")).toBeFocused();
  await expect(page.getByTestId("today-confirmation")).toHaveText(new RegExp(`^Snoozed Follow up with ${name} on “Logo pack ${t}” until `));
  await expect(page.getByTestId("today-summary")).toContainText(/marked done, snoozed or not relevant (is|are) below\./);
  // Undo clears the snooze at once; snooze again
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(card(page, key)).toBeVisible();
  await expect(page.getByTestId("today-confirmation")).toHaveText(`Brought back Follow up with ${name} on “Logo pack ${t}”.`);
  await card(page, key).getByRole("button", { name: "Snooze a week" }).click();
  await expect(card(page, key)).toHaveCount(0);
  const hidden = page.getByTestId("today-hidden");
  await expect(hidden.locator("summary")).toHaveText(/^Done, snoozed or not relevant \(\d+\)$/);
  await hidden.locator("summary").click();
  const folded = hidden.locator(`[data-testid="today-hidden-item"][data-key="${key}"]`);
  await expect(folded).toContainText(`Follow up with ${name}`);
  await expect(folded).toContainText("Snoozed: it comes back on");
  const state = (await api<TodayApi>(request, "get", "/api/v1/today")).hidden.find((h) => h.item.key === key);
  expect(state).toMatchObject({ state: "snoozed", snoozedUntil: addDays(today, 7) });
  await folded.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/today-snoozed-phone.png` });
  await expectNavCount(page, request);

  await folded.getByRole("button", { name: `Bring back “Follow up with ${name} on “Logo pack ${t}””` }).click();
  await expect(card(page, key)).toBeVisible();
  await expect(folded).toHaveCount(0);

  // one click logs my follow-up: the silence now counts from today, so the item leaves; the status line says when Today reminds again
  await card(page, key).getByRole("button", { name: "Log my follow-up" }).click();
  await expect(card(page, key)).toHaveCount(0);
  await expect(page.getByTestId("today-confirmation")).toHaveText(/^Follow-up logged: Today will remind you again on [A-Z][a-z]{2} \d{1,2}, \d{4} if they stay quiet\.$/);
  const interactions = await api<{ interactions: { kind: string; quoteId: number | null; occurredOn: string; answered: boolean | null }[] }>(
    request,
    "get",
    `/api/v1/clients/${(await api<{ clientId: number }>(request, "get", `/api/v1/quotes/${quoteId}`)).clientId}/interactions`,
  );
  expect(interactions.interactions.filter((i) => i.kind === "follow_up" && i.quoteId === quoteId)).toEqual([expect.objectContaining({ occurredOn: today, answered: null })]);
  await expectNavCount(page, request);
});

test("after my answer, silence: Today reminds me to follow up; the follow-up can be undone", async ({ page, request }) => {
  const t = unique();
  const today = await serverToday(request);
  const name = `Today Answered ${t}`;
  const { quoteId } = await prospectWithQuote(request, name, { title: `Shop rebuild ${t}`, estimatedMinutes: 2400, quotedAmount: 400000 }, 20, today);
  await api(request, "post", `/api/v1/quotes/${quoteId}/events`, { kind: "discount_request", percentBp: 2000, occurredOn: addDays(today, -10) });
  await api(request, "post", `/api/v1/quotes/${quoteId}/events`, { kind: "my_answer", answer: "held_firm", occurredOn: addDays(today, -8) });
  const key = `chase:quote:${quoteId}`;

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const item = card(page, key);
  await expect(item.getByRole("heading", { name: `Follow up with ${name} on “Shop rebuild ${t}”` })).toBeVisible();
  await expect(item).toContainText(/You answered on [A-Z][a-z]{2} \d{1,2}, \d{4} \(\$4,000\.00\); no reply in 8 days: follow up once\./);
  await expect(item.getByTestId("today-message").getByRole("textbox")).toHaveValue(new RegExp(`following up on my answer about Shop rebuild ${t}`));
  await item.getByRole("button", { name: "Log my follow-up" }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByTestId("today-confirmation")).toContainText("Follow-up logged: Today will remind you again on");
  await page.screenshot({ path: `${SHOTS}/today-follow-up-logged-phone.png` });
  // Undo deletes the follow-up just logged: the item is back, nothing left behind
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(card(page, key)).toBeVisible();
  await expect(page.getByTestId("today-confirmation")).toHaveText("Follow-up removed.");
  const clientId = (await api<{ clientId: number }>(request, "get", `/api/v1/quotes/${quoteId}`)).clientId;
  const interactions = await api<{ interactions: { kind: string; quoteId: number | null }[] }>(request, "get", `/api/v1/clients/${clientId}/interactions`);
  expect(interactions.interactions.filter((i) => i.kind === "follow_up" && i.quoteId === quoteId)).toEqual([]);
  await axeClean(page, "Today after an undo (phone)");
});

test("phone: the nav is one compact row of links, the content starts near the top, Today's count stays visible", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const h1 = page.getByRole("heading", { name: "Today", level: 1 });
  await expect(h1).toBeVisible();
  const top = (await h1.boundingBox())!.y;
  expect(top).toBeLessThanOrEqual(115);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /^Today/ })).toBeInViewport();
  await expectNavCount(page, request);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // every link is reachable: the row scrolls sideways
  await nav.getByRole("link", { name: "Your data" }).scrollIntoViewIfNeeded();
  await expect(nav.getByRole("link", { name: "Your data" })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/today-nav-phone.png` });
});

test("an old dashboard bookmark on / goes to /dashboard with its filters", async ({ page }) => {
  await page.goto("/?range=90d");
  await expect(page).toHaveURL(/\/dashboard\?range=90d$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});

test("the dashboard is one click from Today, and Today leads the nav", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("listitem").first().getByRole("link")).toHaveAttribute("href", "/");
  await expect(nav.getByRole("link", { name: /^Today/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("main").getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
});
