import { expect, test } from "@playwright/test";
import { SHOTS, api, axeClean, unique } from "./helpers";

const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

test("time spent: log time on a quote until it creeps, see the notice, the true rate and the client's score move", async ({ page, request }) => {
  // a client of our own with one accepted job: 40 h for $4,000 on a service at target $100/h, floor $60/h
  const service = await api<{ id: number; name: string }>(request, "post", "/api/v1/services", { name: `Shop builds ${unique()}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 6000 });
  const client = await api<{ id: number }>(request, "post", "/api/v1/clients", { name: `Creep & Co ${unique()}`, leadSource: "referral", status: "active" });
  const quote = await api<{ id: number }>(request, "post", "/api/v1/quotes", { clientId: client.id, serviceId: service.id, title: "Shop rebuild", estimatedMinutes: 40 * 60, quotedAmount: 400000, currency: "USD", status: "sent" });
  await api(request, "post", `/api/v1/quotes/${quote.id}/outcome`, { status: "accepted", agreedAmount: 400000 });
  // a "quick" extra they asked for on this job, unpaid
  await api(request, "post", `/api/v1/clients/${client.id}/interactions`, { kind: "ask", subtype: "scope_creep", minutes: 120, quoteId: quote.id });
  type Score = { score: number | null; criteria: { key: string; score: number | null }[] };
  const payOf = (s: Score) => s.criteria.find((c) => c.key === "pay")!.score;
  const before = await api<Score>(request, "get", `/api/v1/clients/${client.id}/score`);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/quotes/${quote.id}`);
  const section = page.locator("#time");
  await expect(section.getByRole("heading", { name: "Time spent" })).toBeVisible();
  await expect(page.getByTestId("time-basis")).toHaveText("No time logged yet: judged on the estimate.");
  const form = page.getByRole("form", { name: "Log time spent" });
  const today = await form.getByLabel("Day").inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // bad input: a field error, what was typed kept, nothing stored
  await form.getByLabel("Time spent").fill("25h");
  await form.getByRole("button", { name: "Log time" }).click();
  await expect(form.getByText("A day has 24 hours: log at most 24 h in one entry")).toBeVisible();
  await expect(form.getByLabel("Time spent")).toHaveValue("25h");
  await expect(form.getByLabel("Time spent")).toHaveAttribute("aria-invalid", "true");
  expect((await api<{ timeEntries: unknown[] }>(request, "get", `/api/v1/quotes/${quote.id}/time-entries`)).timeEntries).toHaveLength(0);

  // 12 h so far: still judged on the estimate
  await form.getByLabel("Time spent").fill("12h");
  await form.getByLabel("Day").fill(minusDays(today, 6));
  await form.getByLabel("Note (optional)").fill("Catalogue import");
  await form.getByRole("button", { name: "Log time" }).click();
  await expect(page.getByTestId("time-basis")).toHaveText("Judged on the 40 h estimate while the work is in progress: 12 h logged so far.");
  await expect(form.getByLabel("Time spent")).toHaveValue("");
  await expect(page.getByTestId("time-entries")).toContainText("Catalogue import");

  // the job runs on: 14 h 30 a day for four days ("14h30", "870 min" and a bare number of minutes)
  for (const [typed, back] of [["14h30", 5], ["870 min", 4], ["14h30", 3], ["870", 2]] as const) {
    await form.getByLabel("Time spent").fill(typed);
    await form.getByLabel("Day").fill(minusDays(today, back));
    await form.getByRole("button", { name: "Log time" }).click();
    await expect(form.getByLabel("Time spent")).toHaveValue("");
  }
  await expect(page.getByTestId("time-logged")).toHaveText("70 h logged against 40 h estimated");
  await expect(form.getByTestId("score-change")).toBeVisible();

  // a fifth entry on a day already holding 14.5 h: 10 h more would pass 24 h
  await form.getByLabel("Time spent").fill("10h");
  await form.getByLabel("Day").fill(minusDays(today, 2));
  await form.getByRole("button", { name: "Log time" }).click();
  await expect(form.getByText(/14\.5 h is already logged on .*: a day has 24 hours, so at most 9\.5 h more/)).toBeVisible();
  await expect(form.getByLabel("Time spent")).toHaveValue("10h");

  // the work is done
  // the day offered is the last day time was logged: the work ended then
  await expect(page.getByLabel("Work done on")).toHaveValue(minusDays(today, 2));
  await page.getByRole("button", { name: "Mark the work done" }).click();
  await expect(page.getByTestId("work-done-on")).toHaveAttribute("datetime", minusDays(today, 2));
  await expect(page.getByTestId("effective-rate")).toHaveText("$57.14/h");
  await expect(page.getByTestId("ruler-basis")).toContainText("The true rate, on the 70 h logged; on the 40 h estimate it was $100.00/h.");
  await expect(page.getByTestId("time-basis")).toHaveText("Judged on the 70 h logged: the work is done.");
  const notice = page.getByTestId("creep-notice");
  await expect(notice).toContainText("Ran 75% over its estimate: 70 h against 40 h. True rate $57.14/h — below your floor of $60.00/h.");
  await expect(page.getByTestId("creep-cause")).toHaveText("Likely cause: 1 unpaid ask logged on this quote (2 h).");
  await expect(page.getByTestId("rate-on-estimate")).toContainText("$100.00/h");
  await expect(page.getByTestId("rate-on-logged")).toContainText("$57.14/h");
  await expect(page.getByTestId("rate-on-logged")).toContainText("(judged on this)");
  await expect(page.getByTestId("settling")).toContainText("Settled hard: below your floor.");
  await expect(page.getByTestId("settling")).toContainText("$3,000.00");
  await axeClean(page, "quote page");
  await page.locator("#time").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/time-spent-quote-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/time-spent-quote-phone.png`, fullPage: true });

  // the client's pay fell: the job is judged on the 70 h it took
  const after = await api<Score>(request, "get", `/api/v1/clients/${client.id}/score`);
  expect(payOf(after)!).toBeLessThan(payOf(before)!);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByTestId("client-creep")).toHaveText("Their 1 job with time logged ran more than 20% over its estimate.");
  await expect(page.getByTestId("crept-badge")).toHaveText("Crept");
  await expect(page.getByTestId("quote-logged")).toHaveText("70 h logged");
  await expect(page.locator("#quotes").getByText("Below floor")).toBeVisible();

  // log time from the client page (accepted quotes first); the score change shows
  await page.locator("summary", { hasText: /^Log time$/ }).click();
  const quick = page.getByRole("form", { name: "Log time spent" });
  await expect(quick.getByLabel("Quote")).toHaveValue(String(quote.id));
  await quick.getByLabel("Time spent").fill("1h30");
  await quick.getByRole("button", { name: "Log time" }).click();
  await expect(quick.getByTestId("score-change")).toBeVisible();
  await expect(page.getByTestId("quote-logged")).toHaveText("71.5 h logged");
  await axeClean(page, "client page");
  await page.screenshot({ path: `${SHOTS}/time-spent-client-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/time-spent-client-phone.png`, fullPage: true });

  // the entry logged last is removed from the quote page; "Not done yet" puts it back in progress
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/quotes/${quote.id}`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `Remove 1.5 h on ${today}` }).click();
  await expect(page.getByTestId("time-logged")).toHaveText("70 h logged against 40 h estimated");
  await page.getByRole("button", { name: "Not done yet" }).click();
  await expect(page.getByTestId("time-basis")).toHaveText("Judged on the 70 h logged: past the 40 h estimate while the work is still going.");

  // the offer check on this client warns: their jobs ran over
  const evaluated = await api<{ evaluation: { overrun: { text: string } | null } }>(request, "post", "/api/v1/offers/evaluate", {
    clientId: client.id,
    serviceId: service.id,
    scopeAmount: 20,
    scopeUnit: "hours",
    offeredAmount: 200000,
    currency: "USD",
  });
  expect(evaluated.evaluation.overrun?.text).toBe("Their job ran 75% over estimate (1 job): price the overrun in. If this one runs over as much, it pays $57.14/h — below your floor of $60.00/h.");
  await page.goto(`/offer?clientId=${client.id}`);
  const offer = page.getByRole("form", { name: "Offer" });
  await expect(offer.getByLabel("Client")).toHaveValue(String(client.id));
  await expect(offer.getByLabel("Service")).toHaveValue(String(service.id));
  await offer.getByLabel("Scope").fill("20");
  await offer.getByLabel("They offer").fill("2000");
  await offer.getByRole("button", { name: "Check this offer" }).click();
  await expect(page.getByTestId("offer-overrun")).toHaveText("Their job ran 75% over estimate (1 job): price the overrun in. If this one runs over as much, it pays $57.14/h — below your floor of $60.00/h.");
  await page.screenshot({ path: `${SHOTS}/time-spent-offer-desktop.png`, fullPage: true });
});
