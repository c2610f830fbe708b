"use client";
/**
 * The long choice lists of Settings (≈420 time zones, ≈300 currencies with their names), made by the
 * browser from its own Intl data instead of being sent with the page: a select holds the current value on
 * the server and while hydrating, and the whole list right after. The page is then about half as heavy,
 * and the lists are the same (the server checks the choice with its own Intl: lib/schemas.ts).
 */
import { useSyncExternalStore } from "react";
import { currencyOptions, isoCurrencies } from "@/lib/currency-conversion";

type Option = { value: string; label: string };
const NONE: never[] = [];
const noSubscription = () => () => {};
const made = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

/** Every time zone the browser knows; none on the server (the select adds the current one). */
export function useTimeZones(): string[] {
  return useSyncExternalStore(noSubscription, () => once("timeZones", () => Intl.supportedValuesOf("timeZone")), () => NONE);
}

/** Every ISO currency with its name in `locale`, `leaveOut` left out; none on the server. */
export function useCurrencyOptions(locale: string, leaveOut?: string): Option[] {
  return useSyncExternalStore(
    noSubscription,
    () => once(`currencies:${locale}:${leaveOut ?? ""}`, () => currencyOptions(locale, isoCurrencies().filter((c) => c !== leaveOut))),
    () => NONE,
  );
}
