import { expect, test } from "@playwright/test";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("journey 3: a below-floor offer from the worst demo client gets walk away, the decline copies, and recording it shows everywhere", async ({ page }) => {
  const res = await page.request.get("/api/v1/clients?q=Brightline");
  const { clients } = (await res.json()) as { clients: { id: number; name: string }[] };
  const brightline = clients.find((c) => c.name === "Brightline Media")!;
  expect(brightline).toBeTruthy();

  const dashboardBefore = (await (await page.request.get("/api/v1/dashboard")).json()) as { rejections: { declinedByMe: number } };

  // their usual service: the service of their latest quote that names one
  const own = (await (await page.request.get(`/api/v1/quotes?clientId=${brightline.id}`)).json()) as { quotes: { id: number; serviceId: number | null; sentOn: string | null; createdAt: string }[] };
  const usual = own.quotes
    .filter((x) => x.serviceId != null)
    .sort((a, b) => (b.sentOn ?? b.createdAt).localeCompare(a.sentOn ?? a.createdAt) || b.id - a.id)[0];

  // one click from the client page, pre-filled with the client and their usual service — never the first of the list
  await page.goto(`/clients/${brightline.id}`);
  await page.getByRole("link", { name: "Check an offer from Brightline Media" }).click();
  await expect(page.getByRole("heading", { name: "Check an offer" })).toBeVisible();
  await expect(page.getByLabel("Client")).toHaveValue(String(brightline.id));
  await expect(page.getByLabel("Service")).toHaveValue(String(usual.serviceId));

  const form = page.getByRole("form", { name: "Offer" });
  await form.getByLabel("Service").selectOption({ label: "Web development (USD/hour)" });
  await expect(form.getByLabel("In", { exact: true })).toHaveValue("hours");
  await form.getByLabel("What is it? (optional)").fill("Promo video page");
  await form.getByLabel("Scope").fill("30");
  await form.getByLabel("They offer").fill("1500");
  await form.getByRole("button", { name: "Check this offer" }).click();

  await expect(page.getByTestId("offer-answer-text")).toHaveText("Walk away");
  // the form keeps the offer as typed, so it can be tweaked and checked again
  await expect(form.getByLabel("Client")).toHaveValue(String(brightline.id));
  await expect(form.getByLabel("Service").locator("option:checked")).toHaveText("Web development (USD/hour)");
  await expect(form.getByLabel("They offer")).toHaveValue("1500");
  const reasons = page.getByTestId("offer-reasons");
  await expect(reasons).toContainText("$50.00/h, below your floor of $85.00/h");
  await expect(reasons).toContainText("verdict: walk away");
  await expect(page.getByTestId("offer-counter-text")).toContainText("$3,300.00");

  // the graceful decline is the essay's line, and one click copies it
  const decline = page.getByTestId("decline-message");
  await expect(decline.getByRole("textbox")).toHaveValue("Thank you for letting me know. I wish you the best.");
  await decline.getByRole("button", { name: "Copy message" }).click();
  await expect(decline.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Thank you for letting me know. I wish you the best.");

  // one click records the decision
  await page.getByRole("button", { name: "Decline and record" }).click();
  await expect(page.getByTestId("offer-recorded")).toContainText("Recorded: declined by me");
  // one decision per checked offer: a second click cannot record it twice
  await expect(page.getByRole("button", { name: "Decline and record" })).toBeDisabled();
  await page.getByRole("link", { name: "Open the client" }).click();
  await expect(page.getByRole("heading", { name: "Brightline Media" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Promo video page" });
  await expect(row).toContainText("Declined by me");

  // the API agrees: the quote is declined with the reason, the offer logged as the client's counter
  // — the quote starts at their offer (not at a target nobody named), and no "I held firm" is invented
  const quotes = (await (await page.request.get(`/api/v1/quotes?clientId=${brightline.id}`)).json()) as { quotes: { id: number; title: string; status: string; rejectionReason: string; quotedAmount: number }[] };
  const q = quotes.quotes.find((x) => x.title === "Promo video page")!;
  expect(q).toMatchObject({ status: "declined_by_me", rejectionReason: "price", quotedAmount: 150000 });
  const events = (await (await page.request.get(`/api/v1/quotes/${q.id}/events`)).json()) as { events: { kind: string; amount: number | null }[] };
  expect(events.events.map((e) => [e.kind, e.amount])).toEqual([["client_counter", 150000]]);

  // and the dashboard counts it among the offers I declined
  const dashboardAfter = (await (await page.request.get("/api/v1/dashboard")).json()) as { rejections: { declinedByMe: number } };
  expect(dashboardAfter.rejections.declinedByMe).toBe(dashboardBefore.rejections.declinedByMe + 1);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Rejection reframe" })).toBeVisible();
});

test("offer check: bad input gets field errors and keeps what was typed", async ({ page }) => {
  await page.goto("/offer");
  const form = page.getByRole("form", { name: "Offer" });
  // from the nav nothing is chosen for you
  await expect(form.getByLabel("Client")).toHaveValue("");
  await expect(form.getByLabel("Service")).toHaveValue("");
  await form.getByLabel("Client").selectOption("new");
  await form.getByLabel("Scope").fill("-5");
  await form.getByLabel("They offer").fill("abc");
  await form.getByRole("button", { name: "Check this offer" }).click();
  await expect(form.getByText("Choose a client, or type a new prospect's name")).toBeVisible();
  await expect(form.getByText("Enter a scope above zero")).toBeVisible();
  await expect(form.getByText(/Type an amount like/)).toBeVisible();
  await expect(form.getByText("Choose a service, or “Not on my rate card”")).toBeVisible();
  await expect(form.getByLabel("They offer")).toHaveValue("abc");
});

test("a new prospect at target gets accept; the API gives the same answer", async ({ page }) => {
  await page.goto("/offer");
  const form = page.getByRole("form", { name: "Offer" });
  await form.getByLabel("Client").selectOption("new");
  await form.getByLabel("Prospect's name").fill("Fresh Lead Co");
  await form.getByLabel("Service").selectOption({ label: "Web development (USD/hour)" });
  await form.getByLabel("Scope").fill("10");
  await form.getByLabel("They offer").fill("1100");
  await form.getByRole("button", { name: "Check this offer" }).click();
  await expect(page.getByTestId("offer-answer-text")).toHaveText("Accept");
  const services = (await (await page.request.get("/api/v1/services")).json()) as { services: { id: number; name: string }[] };
  const web = services.services.find((s) => s.name === "Web development")!;
  const api = await page.request.post("/api/v1/offers/evaluate", {
    data: { newClientName: "Fresh Lead Co", serviceId: web.id, scopeAmount: 10, scopeUnit: "hours", offeredAmount: 110000, currency: "USD" },
  });
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { evaluation: { answer: string } }).evaluation.answer).toBe("accept");
});
