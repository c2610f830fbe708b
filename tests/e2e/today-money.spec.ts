import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addDays } from "../../lib/dates";
import { possessive } from "../../lib/text";
import { SHOTS, api, axeClean, unique } from "./helpers";

/**
 * The last two journeys from Today: an overdue payment logged from its card (the days late worked
 * out, the payment criterion moves), and a rate due a raise planned with its letter (the client's rate
 * set from the notice date). Each item leaves the list. Our own clients (unique names, dates relative to
 * the server's today); the demo book the other specs read is left as it was.
 */

interface TodayApi {
  today: string;
  items: { key: string; title: string; reason: string }[];
}
const todayList = (request: APIRequestContext) => api<TodayApi>(request, "get", "/api/v1/today");
const card = (page: Page, key: string) => page.locator(`[data-testid="today-item"][data-key="${key}"]`);
async function paymentScore(request: APIRequestContext, clientId: number): Promise<number | null> {
  const s = await api<{ criteria: { key: string; score: number | null }[] }>(request, "get", `/api/v1/clients/${clientId}/score`);
  return s.criteria.find((c) => c.key === "payment")?.score ?? null;
}

test("an overdue payment: logged from its Today card, 20 days late; the item leaves and the payment criterion drops", async ({ page, request }) => {
  const { today } = await todayList(request);
  const name = `Slow Payer ${unique()}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "active" });
  // a payment on time last spring: the payment criterion starts from good evidence
  await api(request, "post", `/api/v1/clients/${client.id}/interactions`, { kind: "payment", daysLate: 0, occurredOn: addDays(today, -200) });
  // accepted 50 days ago on the book's 30-day terms, work not marked done: due 20 days ago
  const q = await api<{ id: number }>(request, "post", "/api/v1/quotes", { clientId: client.id, title: `Audit ${unique()}`, estimatedMinutes: 600, quotedAmount: 150000, currency: "USD", status: "sent", sentOn: addDays(today, -55) });
  await api(request, "post", `/api/v1/quotes/${q.id}/outcome`, { status: "accepted", agreedAmount: 150000, decidedOn: addDays(today, -50) });
  const key = `payment:quote:${q.id}`;
  expect((await todayList(request)).items.find((i) => i.key === key)?.reason).toMatch(/20 days late\.$/);
  const before = await paymentScore(request, client.id);
  expect(before).not.toBeNull();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const item = card(page, key);
  await expect(item.getByRole("heading", { name: `Chase ${possessive(name)} payment for` , exact: false })).toBeVisible();
  await expect(item).toContainText("$1,500.00");
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/today-payment-overdue-desktop.png` });
  await item.getByRole("button", { name: "Log payment" }).click();
  await expect(page.getByTestId("today-confirmation")).toContainText("Payment logged: 20 days late");
  await expect(card(page, key)).toHaveCount(0);

  const payment = await api<{ paid: { paidOn: string; daysLate: number; amount: number } | null }>(request, "get", `/api/v1/quotes/${q.id}/payment`);
  expect(payment.paid).toMatchObject({ paidOn: today, daysLate: 20, amount: 150000 });
  const after = await paymentScore(request, client.id);
  expect(after!).toBeLessThan(before!);
  expect((await todayList(request)).items.map((i) => i.key)).not.toContain(key);
  await axeClean(page, "Today after a payment");
});

test("a rate due a raise: Today opens the planner; the raise is recorded with its letter; the item leaves and the client's rate starts on the notice date", async ({ page, request }) => {
  const { today } = await todayList(request);
  const service = await api<{ id: number; name: string }>(request, "post", "/api/v1/services", { name: `Retainer ${unique()}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  const name = `Long Timer ${unique()}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "active" });
  // 14 months ago: $4,000 for 50 h = $80/h, 20% below the $100/h target, never raised
  const on = addDays(today, -425);
  await api(request, "post", "/api/v1/quotes", { clientId: client.id, serviceId: service.id, title: "Shop", estimatedMinutes: 3000, quotedAmount: 400000, agreedAmount: 400000, currency: "USD", status: "accepted", sentOn: on, decidedOn: on });
  const key = `raise:client:${client.id}:${service.id}`;

  for (const [width, height, shot] of [
    [390, 844, "phone"],
    [1280, 800, "desktop"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    const item = card(page, key);
    await expect(item).toContainText("Pays $80.00/h, 20% below your target of $100.00/h");
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/today-raise-due-${shot}.png` });
  }
  await card(page, key).getByRole("link", { name: "Plan the raise" }).click();
  await expect(page.getByRole("heading", { name: `Raise ${possessive(name)} rate` })).toBeVisible();
  const form = page.getByRole("form", { name: `Plan a raise for ${name}` });
  await expect(form.getByLabel("New rate (USD per hour)")).toHaveValue("100.00");
  const from = await form.getByLabel("New rate from").inputValue();
  expect(from > today).toBe(true);
  const letter = form.getByLabel("The notice letter");
  await expect(letter).toContainText("$100.00");
  await letter.fill(`${(await letter.inputValue()).trimEnd()}\n\nThank you for a good year.`);
  await page.screenshot({ path: `${SHOTS}/today-raise-planner-desktop.png` });
  await form.getByRole("button", { name: "Record the raise" }).click();
  await expect(page.getByTestId("pending-raise")).toContainText("Raise to $100.00/h from");

  const plans = await api<{ clientId: number; newRate: number; effectiveFrom: string; letter: string }[] | { plans: { clientId: number; newRate: number; effectiveFrom: string; letter: string }[] }>(request, "get", `/api/v1/rate-plans?clientId=${client.id}`);
  const list = Array.isArray(plans) ? plans : plans.plans;
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ newRate: 10000, effectiveFrom: from });
  expect(list[0].letter).toContain("Thank you for a good year.");
  const rates = await api<{ rates: { serviceId: number; rate: number; effectiveFrom: string }[] }>(request, "get", `/api/v1/clients/${client.id}/rates`);
  expect(rates.rates.map((r) => [r.serviceId, r.rate, r.effectiveFrom])).toEqual([[service.id, 10000, from]]);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(card(page, key)).toHaveCount(0);
  expect((await todayList(request)).items.map((i) => i.key)).not.toContain(key);
});

test("an ask on a quote already at my target: Today's offer check offers to hold firm, and records exactly that", async ({ page, request }) => {
  const { today } = await todayList(request);
  const service = await api<{ id: number }>(request, "post", "/api/v1/services", { name: `Firm work ${unique()}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name: `Polite Asker ${unique()}`, leadSource: "referral", status: "prospect" });
  // 40 h at the $100/h target: $4,000 is already the counter the check would offer
  const q = await api<{ id: number }>(request, "post", "/api/v1/quotes", { clientId: client.id, serviceId: service.id, title: "Site", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent", sentOn: addDays(today, -5) });
  await api(request, "post", `/api/v1/quotes/${q.id}/events`, { kind: "discount_request", percentBp: 1000, occurredOn: addDays(today, -1) });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await card(page, `answer:quote:${q.id}`).getByRole("link", { name: "Check their offer" }).click();
  // checked on arrival: the answer is there without another click
  await expect(page.getByTestId("record-countered")).toHaveText("Hold firm at $4,000.00");
  await page.getByTestId("record-countered").click();
  await expect(page.getByTestId("offer-recorded")).toContainText("Recorded: held firm at your price");
  const events = await api<{ events: { kind: string; answer: string | null }[] }>(request, "get", `/api/v1/quotes/${q.id}/events`);
  expect(events.events.map((e) => [e.kind, e.answer])).toEqual([
    ["discount_request", null],
    ["my_answer", "held_firm"],
  ]);
  expect((await todayList(request)).items.map((i) => i.key)).not.toContain(`answer:quote:${q.id}`);
});
