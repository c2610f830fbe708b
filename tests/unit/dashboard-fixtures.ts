/** Hand-built settled quotes for the dashboard arithmetic tests (no database). */
import type { SettledQuote } from "@/lib/dashboard";
import type { Service } from "@/lib/domain";

export const WEB: Service = { id: 1, name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000 };
export const BRAND: Service = { id: 2, name: "Brand", unit: "day", currency: "USD", marketRate: 90000, targetRate: 80000, floorRate: 60000 };

let nextId = 1;
/** An accepted, settled quote: USD, rated against WEB, 10 h at $1,000, at target, nothing conceded. */
export function row(patch: Partial<SettledQuote> = {}): SettledQuote {
  const service = patch.service === undefined ? WEB : patch.service;
  return {
    quoteId: nextId++,
    clientId: 1,
    clientName: "Acme",
    leadSource: "referral",
    serviceId: service?.id ?? null,
    month: "2025-01",
    inSettingsCurrency: true,
    minutes: 600,
    estimateMinutes: 600,
    actualMinutes: 0,
    crept: false,
    price: 100000,
    concededBp: 0,
    rated: service != null,
    service,
    effectiveRate: service ? 10000 : null,
    belowTarget: false,
    belowFloor: false,
    moneyLeft: 0,
    ...patch,
  };
}
