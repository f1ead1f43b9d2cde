import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart'] as const;

/** Calls `onIdle` after `ms` without a touch or key, unless `paused` (token work in progress). */
export function useIdleTimeout(ms: number, onIdle: () => void, paused: boolean): void {
  useEffect(() => {
    if (paused) return;
    let timer = setTimeout(onIdle, ms);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset);
    };
  }, [ms, onIdle, paused]);
}
