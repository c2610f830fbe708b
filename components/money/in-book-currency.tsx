/**
 * A foreign quote's amount as it counts in the book: "≈ $1,080.00" beside its own "€1,000.00", at the
 * quote's own rate (lib/book-currency.ts, exact, rounded once). Nothing for a quote in the book's own
 * currency; a quote with no rate says it is not counted, never silently.
 */
import { lacksRate } from "@/lib/book-currency";
import { convertMinor, parseRate } from "@/lib/currency-conversion";
import { formatMoney } from "@/lib/money";

export function InBookCurrency({
  amount,
  quote,
  bookCurrency,
  locale,
  className = "",
}: {
  /** minor units of the quote's currency */
  amount: number;
  quote: { currency: string; fxRate?: string | null };
  bookCurrency: string;
  locale: string;
  className?: string;
}) {
  if (quote.currency === bookCurrency) return null;
  const base = `block text-xs font-normal ${className}`;
  if (lacksRate(quote, bookCurrency)) {
    return (
      <span className={`${base} text-amber-800 dark:text-amber-300`} data-testid="in-book-currency">
        No exchange rate: not counted in {bookCurrency}
      </span>
    );
  }
  const r = parseRate(quote.fxRate!);
  const converted = r.ok ? convertMinor(amount, r.rate, quote.currency, bookCurrency) : null;
  if (converted == null) return null;
  return (
    <span className={`${base} text-stone-600 dark:text-stone-400`} data-testid="in-book-currency" title={`At 1 ${quote.currency} = ${quote.fxRate} ${bookCurrency}`}>
      ≈ {formatMoney(converted, bookCurrency, locale)}
      <span className="sr-only">
        {" "}
        in {bookCurrency}, at 1 {quote.currency} = {quote.fxRate} {bookCurrency}
      </span>
    </span>
  );
}
