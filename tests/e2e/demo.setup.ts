import { expect, test as setup } from "@playwright/test";

// Runs first, on the fresh database the e2e server starts with: the first-run screen offers the demo
// book, and every later spec can rely on it (they add their own rows on top, never assume emptiness).
setup("first run: the empty state offers demo data, and loading it opens the dashboard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Walkaway" })).toBeVisible();
  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Walkaway" })).toHaveCount(0, { timeout: 20_000 });
  const res = await page.request.get("/api/v1/clients?q=Brightline");
  const { clients } = (await res.json()) as { clients: { name: string }[] };
  expect(clients.map((c) => c.name)).toContain("Brightline Media");
});
