import { useMemo } from 'react';
import { QRCodeDecoderErrorCorrectionLevel, QRCodeEncoder } from '@zxing/library';

/** A QR code as SVG squares (zxing's encoder), so the digital receipt link needs no image service. */
export function QrCode({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const cells = useMemo(() => {
    const matrix = QRCodeEncoder.encode(text, QRCodeDecoderErrorCorrectionLevel.M).getMatrix();
    const dark: { x: number; y: number }[] = [];
    for (let y = 0; y < matrix.getHeight(); y++) for (let x = 0; x < matrix.getWidth(); x++) if (matrix.get(x, y) === 1) dark.push({ x, y });
    return { n: matrix.getWidth(), dark };
  }, [text]);
  // Four modules of quiet zone on each side, as phones expect.
  const view = cells.n + 8;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`-4 -4 ${view} ${view}`} shapeRendering="crispEdges" className="kiosk-qr">
      <rect x={-4} y={-4} width={view} height={view} fill="#fff" />
      {cells.dark.map((c) => (
        <rect key={`${c.x},${c.y}`} x={c.x} y={c.y} width={1} height={1} fill="#000" />
      ))}
    </svg>
  );
}
