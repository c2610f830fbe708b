import { PageHeader } from "@/components/ui/card";

export default function OfferPage() {
  return <PageHeader title="Check an offer">Coming in the offer-check issue.</PageHeader>;
}
