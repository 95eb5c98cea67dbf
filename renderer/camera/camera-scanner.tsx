import { useEffect, useRef, useState } from 'react';
import { decodeLuminance, newFrameReader, toLuminance } from './decode-frame.ts';
import { CameraScanDedupe } from './scan-dedupe.ts';

/**
 * The kiosk's camera as a scanner: a live preview with a frame to hold the barcode in, frames
 * decoded by zxing a few times a second, each item rung once per presentation.
 */
export function CameraScanner({ onScan, holdText, previewLabel, unavailableText }: {
  onScan: (code: string) => void;
  holdText: string;
  previewLabel: string;
  unavailableText: (detail: string) => string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const scanRef = useRef(onScan);
  scanRef.current = onScan;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const reader = newFrameReader();
    const dedupe = new CameraScanDedupe();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const grab = (): void => {
      const v = video.current;
      if (stopped || !v || !ctx || v.readyState < 2 || v.videoWidth === 0) return;
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      ctx.drawImage(v, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const code = decodeLuminance(reader, toLuminance(data, width, height), width, height);
      if (code && dedupe.sighted(code, performance.now())) scanRef.current(code);
    };
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        const v = video.current;
        if (v) {
          v.srcObject = s;
          void v.play();
        }
        timer = window.setInterval(grab, 150);
      })
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  if (problem) return <p role="alert">{unavailableText(problem)}</p>;
  return (
    <figure className="camera-scanner">
      <video ref={video} muted playsInline aria-label={previewLabel} />
      <div className="camera-target" aria-hidden="true" />
      <figcaption>{holdText}</figcaption>
    </figure>
  );
}
