import { useMemo } from 'react';
import type { GatewayError } from '../api/gateway-error';
import { useCountdown } from './use-countdown';

const BACK_OFF_CODES = new Set(['THROTTLED', 'RATE_LIMITED']);

interface Props {
  readonly error: GatewayError | undefined;
  /** Offered as a button; for back-off codes only once the countdown has run out. */
  readonly onRetry?: (() => void) | undefined;
}

/** A gateway error as the gateway reports it: its code, its actionable message, when to retry. */
export function ErrorBanner({ error, onRetry }: Props) {
  const retryAt = useMemo(
    () =>
      error !== undefined && BACK_OFF_CODES.has(error.code)
        ? Date.now() + (error.retryAfterMs ?? 1000)
        : undefined,
    [error],
  );
  const secondsLeft = useCountdown(retryAt);
  if (error === undefined) return null;
  return (
    <div className="error" role="alert" data-testid="error">
      <code className="error-code" data-testid="error-code">
        {error.code}
      </code>
      <span className="error-message" data-testid="error-message">
        {error.message}
      </span>
      {retryAt !== undefined && (
        <span className="error-retry" data-testid="retry-countdown" aria-live="polite">
          {secondsLeft > 0 ? `Retry in ${secondsLeft} s` : 'You may retry now'}
        </span>
      )}
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry} disabled={secondsLeft > 0}>
          Retry
        </button>
      )}
    </div>
  );
}
