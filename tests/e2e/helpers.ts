/** What several journeys share: axe in light and dark, and a JSON call to the API that must succeed. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const SHOTS = "test-results/screenshots/journeys";
export const unique = () => Math.random().toString(36).slice(2, 8);

/** No axe violation on the page as it is, in the light and the dark scheme (left in light). */
export async function axeClean(page: Page, where: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${where} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** A JSON API call that must answer 2xx; its body. */
export async function api<T>(request: APIRequestContext, method: "post" | "get", url: string, data?: unknown): Promise<T> {
  const res = method === "post" ? await request.post(url, { data }) : await request.get(url);
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}
