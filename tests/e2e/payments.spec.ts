/**
 * Payments: a client of our own with their own 14-day terms and an accepted job whose work was done 44
 * days ago → the quote page says the payment is 30 days overdue → a payment in the future is refused
 * (field error, what was typed kept, nothing stored) → logged 2 days ago: paid 28 days late → the client's
 * payment criterion says so. Then the same on a phone, and the terms' −3 refused in the client form
 * and in Settings. Then the walkthrough's double count (issue 15 #1): a client owing two sprints logs a
 * payment from the client page's "A payment" form (its quote preselected, days late worked out), Today
 * drops that item and keeps the other (its "Log payment" and "Open the quote" on one row), quick capture
 * links the next payment to the quote still overdue, and nothing is counted twice.
 * Screenshots in test-results/screenshots/journeys/.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SHOTS, api, axeClean, unique } from "./helpers";

const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

type Payment = { tracked: boolean; termsDays?: number; dueOn?: string; overdue?: boolean; daysLate?: number; paid?: { paidOn: string; daysLate: number } | null };

/** An accepted $4,000 job for the client, accepted 60 days before the server's today and done 44 days before it: due 30 days ago on 14-day terms. */
async function overdueJob(request: APIRequestContext, clientId: number, title: string): Promise<{ id: number; today: string }> {
  const q = await api<{ id: number }>(request, "post", "/api/v1/quotes", { clientId, title, estimatedMinutes: 2400, quotedAmount: 450000, currency: "USD", status: "sent", sentOn: minusDays(new Date().toISOString().slice(0, 10), 100) });
  // accepted with no day: the server's today, which the rest of the test counts from
  const accepted = await api<{ decidedOn: string; paymentTermsDays: number }>(request, "post", `/api/v1/quotes/${q.id}/outcome`, { status: "accepted", agreedAmount: 400000 });
  expect(accepted.paymentTermsDays).toBe(14);
  const today = accepted.decidedOn;
  await api(request, "post", `/api/v1/quotes/${q.id}/outcome`, { status: "accepted", decidedOn: minusDays(today, 60) });
  const done = await request.put(`/api/v1/quotes/${q.id}/work-done`, { data: { workDoneOn: minusDays(today, 44) } });
  expect(done.ok(), await done.text()).toBe(true);
  return { id: q.id, today };
}

test("payments: an overdue job on the quote page, logged late; the client's payment criterion follows", async ({ page, request }) => {
  const name = `Late Payer ${unique()}`;
  const client = await api<{ id: number; paymentTermsDays: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "active", paymentTermsDays: 14 });
  expect(client.paymentTermsDays).toBe(14);
  const { id, today } = await overdueJob(request, client.id, "Website");
  const payment = await api<Payment>(request, "get", `/api/v1/quotes/${id}/payment`);
  expect(payment).toMatchObject({ tracked: true, termsDays: 14, dueOn: minusDays(today, 30), overdue: true, daysLate: 30, paid: null });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/quotes/${id}`);
  const card = page.locator("#payment");
  await expect(card.getByRole("heading", { name: "Payment", exact: true })).toBeVisible();
  await expect(card.getByTestId("payment-terms")).toHaveText("14 days after the work is done");
  await expect(card.getByTestId("payment-status")).toContainText("Overdue: 30 days");
  await expect(card.getByTestId("payment-due").locator("time")).toHaveAttribute("datetime", minusDays(today, 30));
  const form = card.getByRole("form", { name: "Log payment" });
  await expect(form.getByLabel("Paid on")).toHaveValue(today);
  await expect(form.getByLabel("Amount (USD)")).toHaveValue("4000.00");
  await axeClean(page, "quote page with an overdue payment");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-overdue-desktop.png` });

  // a day that has not come: a field error, what was typed kept, nothing stored
  const tomorrow = minusDays(today, -1);
  await form.getByLabel("Paid on").fill(tomorrow);
  await form.getByRole("button", { name: "Log payment" }).click();
  await expect(form.getByText(`Pick today (${today}) or a day before`)).toBeVisible();
  await expect(form.getByLabel("Paid on")).toHaveValue(tomorrow);
  await expect(form.getByLabel("Paid on")).toHaveAttribute("aria-invalid", "true");
  expect((await api<Payment>(request, "get", `/api/v1/quotes/${id}/payment`)).paid).toBeNull();

  // paid two days ago: 28 days late
  await form.getByLabel("Paid on").fill(minusDays(today, 2));
  await form.getByLabel("Note (optional)").fill("Bank transfer, after two reminders");
  await form.getByRole("button", { name: "Log payment" }).click();
  await expect(card.getByTestId("payment-status")).toContainText("28 days late");
  await expect(card.getByTestId("payment-status")).toContainText("$4,000.00");
  await expect(card.getByRole("form", { name: "Log payment" })).toHaveCount(0);
  expect(await api<Payment>(request, "get", `/api/v1/quotes/${id}/payment`)).toMatchObject({ overdue: false, paid: { paidOn: minusDays(today, 2), daysLate: 28 } });
  await axeClean(page, "quote page with a late payment logged");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-paid-late-desktop.png` });

  // a second payment of the same quote: 409
  const again = await request.post(`/api/v1/quotes/${id}/payment`, { data: {} });
  expect(again.status()).toBe(409);

  // the client page: their own terms, and the payment criterion counts the late payment
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByTestId("client-payment-terms")).toHaveText("Payment terms: 14 days (their own) for work accepted from now on; quotes already accepted keep theirs");
  await expect(page.getByTestId("criterion-payment")).toContainText("late, by 28 days");
  const score = await api<{ criteria: { key: string; score: number | null }[] }>(request, "get", `/api/v1/clients/${client.id}/score`);
  const paymentScore = score.criteria.find((c) => c.key === "payment")!.score;
  expect(paymentScore).not.toBeNull();
  expect(paymentScore!).toBeLessThan(50);
  await page.getByTestId("criterion-payment").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-client-criterion-desktop.png` });
});

test("payments on a phone: the overdue card, logging it; −3 days of terms refused in the client form and in Settings", async ({ page, request }) => {
  const name = `Phone Payer ${unique()}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "active", paymentTermsDays: 14 });
  const { id, today } = await overdueJob(request, client.id, "Brand refresh");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/quotes/${id}`);
  const card = page.locator("#payment");
  await expect(card.getByTestId("payment-status")).toContainText("Overdue: 30 days");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-overdue-phone.png` });
  const form = card.getByRole("form", { name: "Log payment" });
  await form.getByRole("button", { name: "Log payment" }).click();
  // paid today: 30 days late
  await expect(card.getByTestId("payment-status")).toContainText("30 days late");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-paid-late-phone.png` });
  expect((await api<Payment>(request, "get", `/api/v1/quotes/${id}/payment`)).paid).toMatchObject({ paidOn: today, daysLate: 30 });

  // the client form: −3 is a field error, what was typed kept, nothing stored
  await page.goto(`/clients/${client.id}/edit`);
  const terms = page.getByLabel("Payment terms (days)");
  await expect(terms).toHaveValue("14");
  await expect(page.getByText(/Empty: your usual \d+ days/)).toBeVisible();
  await terms.fill("-3");
  await page.getByRole("button", { name: "Save client" }).click();
  await expect(page.getByText("Payment terms cannot be negative: 0 means on delivery")).toBeVisible();
  await expect(terms).toHaveValue("-3");
  expect((await api<{ paymentTermsDays: number }>(request, "get", `/api/v1/clients/${client.id}`)).paymentTermsDays).toBe(14);
  await axeClean(page, "client form with a terms error");
  await page.screenshot({ path: `${SHOTS}/payments-client-terms-error-phone.png` });

  // Settings: the five new settings in their groups; −3 refused there too, nothing saved
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/settings");
  for (const group of ["Today", "Payments", "Raises"]) await expect(page.getByRole("group", { name: group })).toBeVisible();
  for (const label of ["Follow up after (days)", "Payment terms (days)", "Raise after (months)", "Notice (months)", "Raise by (%)"]) await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  const before = await api<{ paymentTermsDays: number }>(request, "get", "/api/v1/settings");
  await page.getByLabel("Payment terms (days)").fill("-3");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Payment terms cannot be negative: 0 means on delivery")).toBeVisible();
  await expect(page.getByLabel("Payment terms (days)")).toHaveValue("-3");
  expect((await api<{ paymentTermsDays: number }>(request, "get", "/api/v1/settings")).paymentTermsDays).toBe(before.paymentTermsDays);
  await axeClean(page, "settings with a terms error");
  await page.getByRole("group", { name: "Today" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-settings-desktop.png` });
});

/** Letters only: a digit in a client's name would be read as an amount by quick capture. */
const letters = () => unique().replace(/\d/g, (d) => "abcdefghij"[Number(d)]);

test("a payment is logged once, on its quote: the client page's form, Today and quick capture agree", async ({ page, request }) => {
  const name = `Turncoat ${letters()}`;
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name, leadSource: "referral", status: "active", paymentTermsDays: 30 });
  const { today } = await api<{ today: string }>(request, "get", "/api/v1/today");
  const sprint = async (title: string, acceptedAgo: number) => {
    const q = await api<{ id: number }>(request, "post", "/api/v1/quotes", { clientId: client.id, title, estimatedMinutes: 1200, quotedAmount: 153000, currency: "USD", status: "sent", sentOn: minusDays(today, 120) });
    await api(request, "post", `/api/v1/quotes/${q.id}/outcome`, { status: "accepted", agreedAmount: 153000, decidedOn: minusDays(today, acceptedAgo) });
    return q.id;
  };
  const sep = await sprint("Sprint September", 87); // due 57 days ago
  const oct = await sprint("Sprint October", 57); // due 27 days ago

  // the client page: "For" offers the owed quotes, the oldest overdue preselected; the days late are worked out
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByTestId("client-payment-terms")).toContainText("quotes already accepted keep theirs");
  await page.getByText("A payment", { exact: true }).click();
  const form = page.getByRole("form", { name: "Log a payment" });
  const forQuote = form.getByLabel("For");
  await expect(forQuote).toHaveValue(String(sep));
  await expect(forQuote.locator("option")).toHaveText([/^Sprint September — \$1,530\.00, due .+ \(57 days overdue\)$/, /^Sprint October — .+ \(27 days overdue\)$/, "No particular quote"]);
  await expect(form.getByTestId("payment-days-late")).toContainText("57 days late: due");
  await expect(form.getByLabel("Days late (0 if on time)")).toHaveCount(0);
  await form.getByLabel("Paid on").fill(minusDays(today, 2));
  await expect(form.getByTestId("payment-days-late")).toContainText("55 days late");
  await form.getByLabel("Paid on").fill(today);
  await expect(form.getByTestId("payment-days-late")).toContainText("57 days late");
  // "No particular quote": the days late are typed, as before
  await forQuote.selectOption("");
  await expect(form.getByLabel("Days late (0 if on time)")).toBeVisible();
  await forQuote.selectOption(String(sep));
  await axeClean(page, "client page, a payment for a quote");
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-client-form-desktop.png` });
  await form.getByRole("button", { name: "Log payment" }).click();
  await expect(form.getByText("Logged: paid 57 days late.", { exact: true })).toBeVisible();
  // the paid sprint is no longer offered: the next overdue one is
  await expect(page.getByRole("form", { name: "Log a payment" }).getByLabel("For")).toHaveValue(String(oct));
  expect((await api<{ paid: { daysLate: number; paidOn: string } | null }>(request, "get", `/api/v1/quotes/${sep}/payment`)).paid).toMatchObject({ paidOn: today, daysLate: 57 });

  // Today: the paid one is gone, the other stays; its "Log payment" and "Open the quote" share a row
  const title = (t: string) => `Chase ${name}’s payment for “${t}”`;
  for (const [width, height, shot] of [
    [1280, 800, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: title("Sprint October") })).toBeVisible();
    await expect(page.getByRole("heading", { name: title("Sprint September") })).toHaveCount(0);
    const card = page.getByTestId("today-item").filter({ has: page.getByRole("heading", { name: title("Sprint October") }) });
    await expect(card).toContainText("was due");
    await expect(card).toContainText("30 days after you accepted it on");
    await expect(card).toContainText("(work not marked done): 27 days late.");
    const log = (await card.getByRole("button", { name: "Log payment" }).boundingBox())!;
    const open = (await card.getByRole("link", { name: "Open the quote" }).boundingBox())!;
    expect(Math.abs(log.y - open.y), shot).toBeLessThan(4);
    expect(open.x, shot).toBeGreaterThan(log.x + log.width);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/payments-today-card-${shot}.png` });
  }
  await axeClean(page, "Today with the remaining payment (phone)");

  // quick capture: the typed payment goes on the quote still overdue, with its own days late
  const saved = await api<{ preview: { quote: { id: number } | null; sentence: string } }>(request, "post", "/api/v1/quick-capture", { line: `${name} paid 30 days late` });
  expect(saved.preview.quote?.id).toBe(oct);
  expect(saved.preview.sentence).toContain("they paid 27 days late");
  expect(saved.preview.sentence).toContain("you typed 30 days late");
  const { interactions } = await api<{ interactions: { kind: string; quoteId: number | null; daysLate: number | null }[] }>(request, "get", `/api/v1/clients/${client.id}/interactions`);
  const paid = interactions.filter((i) => i.kind === "payment").map((i) => [i.quoteId, i.daysLate]);
  expect(paid.sort()).toEqual([
    [oct, 27],
    [sep, 57],
  ].sort());
  // Today's / the quote page's "Log payment" cannot count one a second time
  expect((await request.post(`/api/v1/quotes/${sep}/payment`, { data: {} })).status()).toBe(409);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: title("Sprint October") })).toHaveCount(0);

  // the client page: nothing owed, so the form asks for the days late as before
  await page.goto(`/clients/${client.id}`);
  await page.getByText("A payment", { exact: true }).click();
  await expect(page.getByRole("form", { name: "Log a payment" }).getByLabel("For")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Log a payment" }).getByLabel("Days late (0 if on time)")).toBeVisible();
  await page.getByRole("form", { name: "Log a payment" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/payments-client-form-nothing-owed-phone.png` });
});
