/** Rejection reframe: rejected and declined quotes by reason. Pure. */
import { REJECTION_REASONS, label } from "../domain";
import type { Dashboard, ReasonRow, RejectionCount } from "./types";

/**
 * One row per reason. The five reasons always show (zero is information too); "No reason recorded" is
 * only a row when it happened.
 */
export function rejectionFigures(counts: readonly RejectionCount[]): Dashboard["rejections"] {
  const reasons: ReasonRow[] = [...REJECTION_REASONS, "none" as const].map((reason) => {
    const pick = (status: string) => counts.find((r) => (r.reason ?? "none") === reason && r.status === status)?.n ?? 0;
    const rejected = pick("rejected");
    const declinedByMe = pick("declined_by_me");
    return { reason, label: reason === "none" ? "No reason recorded" : label(reason), rejected, declinedByMe, total: rejected + declinedByMe };
  });
  const shown = reasons.filter((r) => r.reason !== "none" || r.total > 0);
  const rejected = reasons.reduce((s, r) => s + r.rejected, 0);
  const declinedByMe = reasons.reduce((s, r) => s + r.declinedByMe, 0);
  return { total: rejected + declinedByMe, rejected, declinedByMe, reasons: shown };
}
