import { useEffect, useState } from 'react';

function secondsUntil(untilMs: number | undefined): number {
  return untilMs === undefined ? 0 : Math.max(0, Math.ceil((untilMs - Date.now()) / 1000));
}

/** Whole seconds left until `untilMs` (epoch ms), ticking down to 0; 0 when undefined. */
export function useCountdown(untilMs: number | undefined): number {
  const [left, setLeft] = useState(() => secondsUntil(untilMs));
  useEffect(() => {
    setLeft(secondsUntil(untilMs));
    if (untilMs === undefined) return;
    const timer = setInterval(() => {
      const next = secondsUntil(untilMs);
      setLeft(next);
      if (next === 0) clearInterval(timer);
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, [untilMs]);
  return left;
}
