import { useEffect, useEffectEvent } from 'react';
import { WEDGE_TYPED_EVENT } from './keyboard-wedge.ts';

/** Hears what a person typed outside any text field (the wedge held it back: it was no scan). */
export function useWedgeTyped(onTyped: (text: string) => void): void {
  const handle = useEffectEvent((text: string) => onTyped(text));
  useEffect(() => {
    const listener = (event: Event) => {
      if (event instanceof CustomEvent && typeof event.detail === 'string') handle(event.detail);
    };
    window.addEventListener(WEDGE_TYPED_EVENT, listener);
    return () => window.removeEventListener(WEDGE_TYPED_EVENT, listener);
  }, []);
}
