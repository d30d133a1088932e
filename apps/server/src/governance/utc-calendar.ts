import { monthOf } from './budget-ledger.js';
import { dayOf } from './usage-ledger.js';

const DAY_MS = 86_400_000;

/** The UTC day and month a moment falls in: usage rows are per day, budgets per month. */
export interface UtcLabels {
  readonly day: string;
  readonly month: string;
}

/**
 * `dayOf` and `monthOf` for every call, formatted once per UTC day: a Date and its ISO string
 * per call showed up in the gateway's profile, and every call of a day has the same labels.
 */
export function createUtcCalendar(): (epochMs: number) => UtcLabels {
  let start = Number.NaN;
  let labels: UtcLabels = { day: '', month: '' };
  return (epochMs) => {
    if (!(epochMs >= start && epochMs < start + DAY_MS)) {
      start = Math.floor(epochMs / DAY_MS) * DAY_MS;
      labels = { day: dayOf(start), month: monthOf(start) };
    }
    return labels;
  };
}
