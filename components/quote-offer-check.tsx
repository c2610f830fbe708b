import type { QuoteWithEvents } from "@/lib/domain";

/** Placeholder slot filled by the offer check (issue 5): renders nothing until then. */
export function QuoteOfferCheck({ quote }: { quote: QuoteWithEvents }) {
  void quote;
  return null;
}
