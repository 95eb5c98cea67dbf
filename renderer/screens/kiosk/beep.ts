/**
 * Audible feedback on a scan (Web Audio, no sound files): a short high beep when an item rang,
 * a low double tone when it did not. Browsers start audio only after a user gesture; a kiosk's
 * first touch or the Start button unlocks it, and until then a beep is silently skipped.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume();
  return context;
}

function tone(ctx: AudioContext, hz: number, at: number, seconds: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = hz;
  gain.gain.setValueAtTime(0.2, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds);
}

export function beep(kind: 'ok' | 'error'): void {
  const ctx = audio();
  if (!ctx) return;
  const t = ctx.currentTime;
  if (kind === 'ok') tone(ctx, 1760, t, 0.08);
  else {
    tone(ctx, 330, t, 0.15);
    tone(ctx, 262, t + 0.18, 0.2);
  }
}

/** Call from a touch handler: lets later beeps play. */
export function unlockAudio(): void {
  audio();
}
