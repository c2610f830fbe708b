import { describe, expect, test } from "vitest";
import { lowerFirst, plural, possessive } from "@/lib/text";

describe("words", () => {
  test.each([
    ["Acme", "Acme\u2019s"],
    ["Pebble Apps", "Pebble Apps\u2019"],
    ["Marlow & Partners", "Marlow & Partners\u2019"],
    ["  Zoë  ", "Zoë\u2019s"],
    ["FJORD & CO", "FJORD & CO\u2019s"],
  ])("possessive(%j) = %j", (name, expected) => expect(possessive(name)).toBe(expected));

  test.each([
    [1, "raise", "1 raise"],
    [0, "raise", "0 raises"],
    [2, "day", "2 days"],
  ])("plural(%i, %j)", (n, one, expected) => expect(plural(n, one)).toBe(expected));

  test("lowerFirst", () => expect(lowerFirst("Asked for")).toBe("asked for"));
});
