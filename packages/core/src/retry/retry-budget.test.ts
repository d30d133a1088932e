import { describe, expect, it } from 'vitest';
import { QuarryError, ThrottledError } from '../errors/quarry-error.js';
import { createRetryBudget } from './retry-budget.js';

const transient = new QuarryError('UPSTREAM_UNAVAILABLE', 'x', { retryable: true });
const throttle = new ThrottledError('x', undefined, { retryable: true });

describe('createRetryBudget', () => {
  it('charges throttles less than transient failures', () => {
    const budget = createRetryBudget({ capacity: 100 });
    expect(budget.acquire(throttle)).toBe(5);
    expect(budget.acquire(transient)).toBe(10);
    expect(budget.available()).toBe(85);
  });

  it('refuses a retry when the bucket cannot pay for it', () => {
    const budget = createRetryBudget({ capacity: 12, retryCost: 10 });
    expect(budget.acquire(transient)).toBe(10);
    expect(budget.acquire(transient)).toBeUndefined();
    expect(budget.available()).toBe(2);
  });

  it('refunds the last retry cost on success and never exceeds capacity', () => {
    const budget = createRetryBudget({ capacity: 20 });
    const cost = budget.acquire(transient);
    budget.recordSuccess(cost);
    expect(budget.available()).toBe(20);
    budget.recordSuccess(undefined);
    expect(budget.available()).toBe(20);
  });

  it('drains under sustained throttling so a struggling upstream is not hammered', () => {
    const budget = createRetryBudget();
    let granted = 0;
    while (budget.acquire(throttle) !== undefined) granted++;
    expect(granted).toBe(100);
  });
});
