import { expect, test } from "@playwright/test";

test("conceding a 30% discount lowers the client's score and changes the verdict on the client page", async ({ page, request }) => {
  const tag = Math.random().toString(36).slice(2, 7);
  const service = await (await request.post("/api/v1/services", { data: { name: `Design ${tag}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 } })).json();
  const client = await (await request.post("/api/v1/clients", { data: { name: `Haggler ${tag}`, leadSource: "platform", status: "active" } })).json();
  const first = await (await request.post("/api/v1/quotes", { data: { clientId: client.id, serviceId: service.id, title: "First job", estimatedHours: 10, quotedAmount: 100000, currency: "USD", status: "sent" } })).json();
  expect((await request.post(`/api/v1/quotes/${first.id}/outcome`, { data: { status: "accepted" } })).status()).toBe(200);

  await page.goto(`/clients/${client.id}`);
  // one good job is an early read: above the neutral prior, not a perfect 100 (docs/worth-model.md)
  await expect(page.getByTestId("fit-score")).toHaveText("82");
  await expect(page.getByTestId("fit-verdict")).toHaveText("Keep");

  // a second quote, through the UI: they ask for 30% off and I concede
  await page.getByText("New quote").click();
  const quoteForm = page.getByRole("form", { name: "New quote" });
  await quoteForm.getByLabel("Title").fill("Second job");
  await quoteForm.getByLabel("Service").selectOption({ label: `Design ${tag} (USD/hour)` });
  await quoteForm.getByLabel("Estimated time").fill("10");
  await quoteForm.getByLabel(/Quoted amount/).fill("1000");
  await quoteForm.getByRole("button", { name: "Add quote" }).click();
  await expect(page.getByRole("heading", { name: "Second job" })).toBeVisible();
  const ask = page.getByRole("form", { name: "Log a discount request" });
  await ask.getByLabel("Percent off").fill("30");
  await ask.getByRole("button", { name: "Log request" }).click();
  await expect(page.getByText("They asked for 30% off")).toBeVisible();
  const answer = page.getByRole("form", { name: "Log my answer" });
  await answer.getByLabel("My answer").selectOption("conceded");
  await answer.getByRole("button", { name: "Log answer" }).click();
  await expect(page.getByText("I conceded")).toBeVisible();
  await expect(page.getByTestId("current-price")).toHaveText("$700.00");
  const outcome = page.getByRole("form", { name: "Quote outcome" });
  await outcome.getByLabel("Status").selectOption("accepted");
  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByTestId("settling")).toContainText("Settled hard: below your floor");

  await page.goto(`/clients/${client.id}`);
  const score = Number(await page.getByTestId("fit-score").textContent());
  expect(score).toBeLessThan(70);
  await expect(page.getByTestId("fit-verdict")).not.toHaveText("Keep");
  await expect(page.getByTestId("criterion-pricePressure")).toContainText("Asked for a discount on 1 of 2");
  // the API reports the same number the page shows
  const api = await (await request.get(`/api/v1/clients/${client.id}/score`)).json();
  expect(api.score).toBe(score);
});
