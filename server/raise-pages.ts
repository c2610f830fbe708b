/**
 * The raise pages' loaders: the client page's Rates card (per service: the rate they pay now, their next
 * rate, a raise waiting for their answer, the counts) and the rate-increase planner. The writes and
 * Today's items are in server/raises.ts.
 */
import type { DbOrTx } from "@/db/connection";
import { listAllServiceRates } from "@/db/service-rates";
import { listServices } from "@/db/services";
import { getSettings } from "@/db/settings";
import { listClientRates } from "@/db/client-rates";
import { listRatePlans } from "@/db/rate-plans";
import { usualServiceOf } from "@/lib/quote-lifecycle";
import type { Client, ClientHistory, RatePlan, Service, Settings } from "@/lib/domain";
import {
  defaultEffectiveFrom,
  defaultRaiseMode,
  fillRaiseLetter,
  nextClientRate,
  pendingPlan,
  raiseStatLines,
  suggestRate,
  type RaiseMode,
  type RaiseStatLines,
  type RateNow,
} from "@/lib/raise";
import type { ServiceRates } from "@/lib/rates";
import { loadClientHistory } from "./history";
import { raiseTemplate, rateNowFor, ratesIn } from "./raises";

export interface ServiceRateLine {
  service: Service;
  /** the rate card in force today */
  rates: ServiceRates;
  rateNow: RateNow | null;
  /** their next own rate, starting after today */
  next: { rate: number; effectiveFrom: string } | null;
  /** a raise announced and not yet in force */
  pending: RatePlan | null;
}

export interface ClientRatesCard {
  lines: ServiceRateLine[];
  /** outcomes of the raises noticed in the last 12 months: this client's, and separately the whole book's */
  stats: RaiseStatLines;
}


/** Per service they worked on or have a rate for: what they pay now, their next rate, the pending raise. */
export function loadClientRatesCard(db: DbOrTx, clientId: number, today: string): ClientRatesCard {
  const history = loadClientHistory(db, clientId) as ClientHistory;
  const settings = getSettings(db);
  const services = listServices(db);
  const rateHistory = listAllServiceRates(db);
  const clientRates = listClientRates(db, clientId);
  const plans = listRatePlans(db, { clientId });
  const ids = new Set<number>([...history.quotes.filter((q) => q.status === "accepted" && q.serviceId != null).map((q) => q.serviceId!), ...clientRates.map((r) => r.serviceId)]);
  const lines = services
    .filter((s) => ids.has(s.id))
    .map((service) => {
      const next = nextClientRate(clientRates, clientId, service.id, today);
      return {
        service,
        rates: ratesIn(rateHistory, service, today),
        rateNow: rateNowFor(history, service, clientRates, settings, today),
        next: next ? { rate: next.rate, effectiveFrom: next.effectiveFrom } : null,
        pending: pendingPlan(plans.filter((p) => p.serviceId === service.id), today) ?? null,
      };
    });
  const client = history.client.name;
  return { lines, stats: raiseStatLines(client, plans, listRatePlans(db), today) };
}

export interface RaisePlanner {
  client: Client;
  services: Service[];
  /** null: the book has no service */
  line: ServiceRateLine | null;
  settings: Pick<Settings, "locale" | "raiseByPct" | "raiseNoticeMonths" | "hoursPerDay">;
  suggestion: { mode: RaiseMode; pct: number; rate: number } | null;
  defaultEffectiveFrom: string;
  /** id null: the built-in letter (the user has no template of kind "raise") */
  template: { id: number | null; name: string; body: string };
  /** the letter filled in for the suggestion */
  letter: string;
  /** this client's plans, newest first, with their service's name */
  plans: (RatePlan & { serviceName: string; unit: Service["unit"] })[];
  stats: RaiseStatLines;
}

/** The planner for a client: the chosen service (else their usual one, else their first with accepted work, else the first). */
export function loadRaisePlanner(db: DbOrTx, clientId: number, serviceId: number | null, today: string): RaisePlanner {
  const history = loadClientHistory(db, clientId) as ClientHistory;
  const settings = getSettings(db);
  const services = listServices(db);
  const card = loadClientRatesCard(db, clientId, today);
  const usual = usualServiceOf(history.quotes);
  const chosen =
    services.find((s) => s.id === serviceId) ??
    services.find((s) => s.id === usual) ??
    card.lines[0]?.service ??
    services[0] ??
    null;
  let line: ServiceRateLine | null = null;
  if (chosen) {
    line = card.lines.find((l) => l.service.id === chosen.id) ?? {
      service: chosen,
      rates: ratesIn(listAllServiceRates(db), chosen, today),
      rateNow: null,
      next: null,
      pending: null,
    };
  }
  const from = defaultEffectiveFrom(today, settings.raiseNoticeMonths);
  const template = raiseTemplate(db);
  let suggestion: RaisePlanner["suggestion"] = null;
  let letter = "";
  if (line) {
    const current = line.rateNow?.rate ?? null;
    const mode = defaultRaiseMode(current, line.rates.targetRate);
    const rate = suggestRate(current, line.rates.targetRate, mode, settings.raiseByPct);
    suggestion = { mode, pct: settings.raiseByPct, rate };
    letter = fillRaiseLetter(template.body, {
      client: history.client.name,
      service: line.service.name,
      currency: line.service.currency,
      unit: line.service.unit,
      currentRate: current,
      newRate: rate,
      effectiveFrom: from,
      locale: settings.locale,
    });
  }
  const byId = new Map(services.map((s) => [s.id, s]));
  const plans = listRatePlans(db, { clientId }).map((p) => ({ ...p, serviceName: byId.get(p.serviceId)?.name ?? "", unit: byId.get(p.serviceId)?.unit ?? "hour" }));
  return {
    client: history.client,
    services,
    line,
    settings: { locale: settings.locale, raiseByPct: settings.raiseByPct, raiseNoticeMonths: settings.raiseNoticeMonths, hoursPerDay: settings.hoursPerDay },
    suggestion,
    defaultEffectiveFrom: from,
    template,
    letter,
    plans,
    stats: card.stats,
  };
}

