/** The dashboard's "estimate vs actual" figures (lib/dashboard/estimates.ts computes them). */

/** Estimate vs actual over a set of accepted jobs with time logged and an estimate of their own (lib/dashboard/estimates.ts). */
export interface EstimateTotals {
  /** jobs with time logged and an estimate of their own */
  jobs: number;
  /** Σ estimates of those jobs, minutes */
  estimateMinutes: number;
  /** Σ time logged on them, minutes */
  actualMinutes: number;
  /** pooled overrun: (Σ logged − Σ estimated) ÷ Σ estimated, bp (negative: under); null with no job */
  overrunBp: number | null;
  /** jobs that ran over their estimate by more than the creep threshold (Settings) */
  creptJobs: number;
  /** jobs whose money counts in the book's currency: the rates are over these */
  pricedJobs: number;
  /** Σ agreed amounts of the priced jobs, minor units of the book's currency */
  agreed: number;
  /** agreed ÷ estimated hours of the priced jobs, minor units per hour; null without any */
  estimateRate: number | null;
  /** agreed ÷ hours logged of the priced jobs: the true hourly rate, minor units per hour; null without any */
  trueRate: number | null;
}

export interface EstimateGroup extends EstimateTotals {
  key: string;
  label: string;
  /** set for the by-client breakdown */
  clientId: number | null;
}

export interface EstimateFigures {
  totals: EstimateTotals;
  /** accepted jobs with time logged but no estimate of their own (made from imported time): not compared */
  loggedWithoutEstimate: number;
  /** by client and by service, the largest overrun first */
  byClient: EstimateGroup[];
  byService: EstimateGroup[];
  /** keys of the clients the chart draws (at most ESTIMATE_CHART_MAX, the largest overruns) */
  chartClients: string[];
}
