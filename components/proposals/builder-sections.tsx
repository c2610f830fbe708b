/** Parts of the proposal builder: a scope item's row, an option's live figures, the terms and expiry fields. */
import { ArrowDown, ArrowUp, Trash2, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatHours, formatMoney } from "@/lib/money";
import type { PricedOption } from "@/lib/proposals/pricing";
import type { ProposalPricing } from "@/lib/proposals/types";
import { control } from "@/components/ui/field-shell";
import { described, Labelled, perUnitText, priceSourceWords, StandingBadge } from "./builder-parts";

/** An option's hours, price (and where it comes from), rate and standing, live; or what to do to see them. */
export function OptionFigures({ priced: p, pricing, locale, floor }: { priced: PricedOption | null; pricing: ProposalPricing; locale: string; floor: number }) {
  const money = (n: number) => formatMoney(n, pricing.currency, locale);
  const rateText = (n: number) => perUnitText(n, pricing.currency, pricing.unit, locale);
  return (
    <div className="rounded-md bg-stone-50 p-3 text-sm dark:bg-stone-800/60" aria-live="polite" data-testid="option-figures">
      {p ? (
        <dl className="space-y-1">
          <div className="flex justify-between gap-2">
            <dt>Hours</dt>
            <dd className="tabular-nums" data-testid="option-hours">
              {formatHours(p.minutes, locale)}
            </dd>
          </div>
          <div className="flex justify-between gap-2">
            <dt>Price</dt>
            <dd className="text-right">
              <strong className="tabular-nums text-base" data-testid="option-price">
                {money(p.price)}
              </strong>
              <span className="block text-xs text-stone-600 dark:text-stone-400" data-testid="option-price-source">
                {priceSourceWords(p.priceSource, pricing.minimumFee, pricing.currency, locale)}
              </span>
            </dd>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <dt>Rate</dt>
            <dd className="flex flex-wrap items-center justify-end gap-2">
              <span className="tabular-nums" data-testid="option-rate">
                {rateText(p.effectiveRate)}
              </span>
              <StandingBadge standing={p.standing} />
            </dd>
          </div>
        </dl>
      ) : (
        <p>Tick the items it includes to see its price.</p>
      )}
      {p?.standing === "below_floor" ? (
        <p className="mt-2 flex gap-1 text-red-800 dark:text-red-300">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          Below your floor of {rateText(floor)}.
        </p>
      ) : null}
    </div>
  );
}

interface TermsValues {
  expiresOn: string;
  rush: boolean;
  intro: string;
  terms: string;
}

/** The expiry, rush, introduction and terms of a proposal. */
export function TermsSection({
  uid,
  values,
  set,
  rushMultiplierPct,
  locale,
  errors,
}: {
  uid: string;
  values: TermsValues;
  set: { expiresOn: (v: string) => void; rush: (v: boolean) => void; intro: (v: string) => void; terms: (v: string) => void };
  rushMultiplierPct: number;
  locale: string;
  errors: (key: string) => string[] | undefined;
}) {
  return (
    <section aria-labelledby={`${uid}-terms`} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <h2 id={`${uid}-terms`} className="mb-3 text-base font-semibold">
        Terms and expiry
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Labelled id={`${uid}-expires`} label="The client can answer until" hint="The last day the offer holds" error={errors("expiresOn")}>
          <input id={`${uid}-expires`} type="date" value={values.expiresOn} onChange={(e) => set.expiresOn(e.target.value)} aria-invalid={errors("expiresOn") ? true : undefined} aria-describedby={described(`${uid}-expires`, true, errors("expiresOn"))} className={control} />
        </Labelled>
        <div className="sm:mt-6">
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" checked={values.rush} onChange={(e) => set.rush(e.target.checked)} className="size-4 accent-sky-700" />
            Rush job: every rate × {(Math.max(100, rushMultiplierPct) / 100).toLocaleString(locale)}
          </label>
        </div>
        <Labelled id={`${uid}-intro`} label="Introduction (optional)" error={errors("intro")}>
          <textarea id={`${uid}-intro`} rows={3} value={values.intro} onChange={(e) => set.intro(e.target.value)} maxLength={2000} className={control} />
        </Labelled>
        <Labelled id={`${uid}-terms-text`} label="Terms (optional)" error={errors("terms")}>
          <textarea id={`${uid}-terms-text`} rows={3} value={values.terms} onChange={(e) => set.terms(e.target.value)} maxLength={4000} placeholder="e.g. 50% up front, the rest on delivery" className={control} />
        </Labelled>
      </div>
    </section>
  );
}

export interface ScopeItem {
  key: number;
  name: string;
  hours: string;
}

/** One scope item: its name and hours, moved up or down, removed (never the last one). */
export function ScopeItemRow({
  uid,
  item,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  uid: string;
  item: ScopeItem;
  index: number;
  count: number;
  errors: (key: string) => string[] | undefined;
  onChange: (patch: Partial<ScopeItem>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const nameId = `${uid}-item-${item.key}-name`;
  const hoursId = `${uid}-item-${item.key}-hours`;
  const label = item.name.trim() || `item ${index + 1}`;
  return (
    <li className="grid grid-cols-[1fr_6rem] gap-2 sm:grid-cols-[1fr_7rem_auto] sm:items-start" data-testid="proposal-item">
      <Labelled id={nameId} label={`Item ${index + 1}`} error={errors(`items.${index}.name`)}>
        <input id={nameId} value={item.name} onChange={(e) => onChange({ name: e.target.value })} aria-invalid={errors(`items.${index}.name`) ? true : undefined} aria-describedby={described(nameId, false, errors(`items.${index}.name`))} className={control} maxLength={120} />
      </Labelled>
      <Labelled id={hoursId} label="Hours" error={errors(`items.${index}.minutes`)}>
        <input
          id={hoursId}
          value={item.hours}
          inputMode="decimal"
          autoComplete="off"
          placeholder="e.g. 7.5"
          onChange={(e) => onChange({ hours: e.target.value })}
          aria-invalid={errors(`items.${index}.minutes`) ? true : undefined}
          aria-describedby={described(hoursId, false, errors(`items.${index}.minutes`))}
          className={control}
        />
      </Labelled>
      <div className="col-span-2 flex gap-1 sm:col-span-1 sm:mt-6">
        <Button type="button" variant="ghost" aria-label={`Move ${label} up`} title="Move up" disabled={index === 0} onClick={() => onMove(-1)}>
          <ArrowUp aria-hidden className="size-4" />
        </Button>
        <Button type="button" variant="ghost" aria-label={`Move ${label} down`} title="Move down" disabled={index === count - 1} onClick={() => onMove(1)}>
          <ArrowDown aria-hidden className="size-4" />
        </Button>
        <Button type="button" variant="ghost" aria-label={`Remove ${label}`} title="Remove" disabled={count <= 1} onClick={onRemove}>
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
    </li>
  );
}
