import { describe, expect, test } from "vitest";
import { nextStep, type BookGlance } from "@/lib/today/next-step";

const work = { quoteId: 7, title: "Booking app", clientName: "Sable Fitness" };

describe("an empty Today suggests the next useful thing from what the book has", () => {
  test.each<[string, BookGlance, { label: string; href: string; text: RegExp }]>([
    ["work under way: log its time", { workUnderWay: [work, { quoteId: 9, title: "Older job", clientName: "Acme" }], openQuotes: 3 }, { label: "Log time", href: "/quotes/7", text: /“Booking app” for Sable Fitness/ }],
    ["one quote out: check an offer", { workUnderWay: [], openQuotes: 1 }, { label: "Check an offer", href: "/offer", text: /^You have a quote out\./ }],
    ["quotes out: check an offer", { workUnderWay: [], openQuotes: 4 }, { label: "Check an offer", href: "/offer", text: /^You have 4 quotes out\./ }],
    ["nothing under way or out: the dashboard", { workUnderWay: [], openQuotes: 0 }, { label: "Review the dashboard", href: "/dashboard", text: /worth keeping/ }],
  ])("%s", (_name, glance, want) => {
    const step = nextStep(glance);
    expect(step.label).toBe(want.label);
    expect(step.href).toBe(want.href);
    expect(step.text).toMatch(want.text);
  });
});
