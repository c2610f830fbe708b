"use client";
import type { FormAction } from "@/lib/action-state";
import { LogPaymentForm } from "@/components/payments/log-payment-form";
import { useReported } from "./flash";

/** Log an overdue payment from Today: the payments' own form, its answer also said in Today's status line (the item leaves the list). */
export function TodayPaymentForm(props: { quoteId: number; action: FormAction; today: string; defaultAmount: number; currency: string; locale: string; children?: React.ReactNode }) {
  const action = useReported(props.action);
  // unnamed: two cards may share a title (a book merged into itself), and a named form is a landmark
  return <LogPaymentForm {...props} action={action} label={null} />;
}
