import { writeFileSync } from 'node:fs';

/**
 * Real barcode pixels for the kiosk's camera tests: EAN-13 symbols drawn module by module (GS1
 * General Specifications 5.2.1.2), put into a Y4M video that Chromium plays as its camera
 * (--use-file-for-fake-video-capture). zxing in the page then decodes actual pixels.
 */
const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const R = L.map((c) => [...c].map((b) => (b === '1' ? '0' : '1')).join(''));
const G = R.map((c) => [...c].reverse().join(''));
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

/** The 95 modules of an EAN-13 symbol, true for a dark bar. */
export function ean13Modules(code: string): boolean[] {
  if (!/^\d{13}$/.test(code)) throw new Error(`an EAN-13 has 13 digits: ${code}`);
  const d = [...code].map(Number);
  const parity = PARITY[d[0] ?? 0] ?? '';
  let bits = '101';
  for (let i = 1; i <= 6; i++) bits += (parity[i - 1] === 'L' ? L : G)[d[i] ?? 0];
  bits += '01010';
  for (let i = 7; i <= 12; i++) bits += R[d[i] ?? 0];
  bits += '101';
  return [...bits].map((b) => b === '1');
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Grey levels, one byte per pixel (Y of YUV). */
  readonly luma: Uint8Array;
}

/** A white frame with the barcode centred, `module` pixels per module, bars `barHeight` tall; no barcode for null. */
export function barcodeFrame(code: string | null, width: number, height: number, module = 2, barHeight = Math.floor(height * 0.5)): Frame {
  const luma = new Uint8Array(width * height).fill(235);
  if (code) {
    const modules = ean13Modules(code);
    const x0 = Math.floor((width - modules.length * module) / 2);
    const y0 = Math.floor((height - barHeight) / 2);
    if (x0 < module * 9) throw new Error('the frame is too narrow for the barcode and its quiet zones');
    for (let y = y0; y < y0 + barHeight; y++) {
      modules.forEach((dark, m) => {
        if (dark) luma.fill(16, y * width + x0 + m * module, y * width + x0 + (m + 1) * module);
      });
    }
  }
  return { width, height, luma };
}

/** RGBA pixels of a frame (what a canvas gives the page), for decoding the same image in a unit test. */
export function frameRgba(frame: Frame): Uint8ClampedArray {
  const out = new Uint8ClampedArray(frame.width * frame.height * 4);
  frame.luma.forEach((v, i) => out.set([v, v, v, 255], i * 4));
  return out;
}

/**
 * Writes a Y4M (YUV4MPEG2, 4:2:0) video: each scene is a barcode (or null for an empty view)
 * held for some seconds. Chromium loops the file; end with a long empty scene so a test finishes
 * before the first barcode comes round again.
 */
export function writeBarcodeVideo(file: string, scenes: readonly { code: string | null; seconds: number }[], options: { width?: number; height?: number; fps?: number } = {}): void {
  const width = options.width ?? 320;
  const height = options.height ?? 240;
  const fps = options.fps ?? 4;
  const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
  const parts: Uint8Array[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const scene of scenes) {
    const frame = barcodeFrame(scene.code, width, height);
    for (let i = 0; i < Math.max(1, Math.round(scene.seconds * fps)); i++) parts.push(Buffer.from('FRAME\n'), frame.luma, chroma);
  }
  writeFileSync(file, Buffer.concat(parts));
}
