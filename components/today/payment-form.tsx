"use client";
import type { FormAction } from "@/lib/action-state";
import { LogPaymentForm } from "@/components/payments/log-payment-form";
import { useReported } from "./flash";

/** Log an overdue payment from Today: the payments' own form, its answer also said in Today's status line (the item leaves the list). */
export function TodayPaymentForm(props: { quoteId: number; action: FormAction; today: string; defaultAmount: number; currency: string; locale: string; label: string; children?: React.ReactNode }) {
  const action = useReported(props.action);
  return <LogPaymentForm {...props} action={action} />;
}
