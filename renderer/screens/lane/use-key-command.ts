import { useEffect, useEffectEvent } from 'react';
import type { KeyChord } from './lane-keys.ts';

/**
 * Runs the command a window key press means (`commandFor` reads the chord), unless someone took the
 * key already; the key then goes no further. The lane's tool groups each bring their own table.
 */
export function useKeyCommand<C>(commandFor: (chord: KeyChord) => C | undefined, run: (command: C) => void): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const command = commandFor(event);
    if (command === undefined) return;
    event.preventDefault();
    run(command);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
