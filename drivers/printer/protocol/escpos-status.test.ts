import { describe, expect, it } from 'vitest';
import {
  coverFromOfflineByte,
  isRealtimeStatusByte,
  isTransmitStatusByte,
  paperFromSensorByte,
  realtimeStatusByte,
  transmitPaperStatusByte,
} from './escpos-status.ts';

describe('ESC/POS status bytes', () => {
  it('answers DLE EOT 4 with 0x12 when the paper is fine and 0x72 when it ran out', () => {
    expect(realtimeStatusByte(4, 'ok', 'closed')).toBe(0x12);
    expect(realtimeStatusByte(4, 'out', 'closed')).toBe(0x72);
    expect(realtimeStatusByte(4, 'near_end', 'closed')).toBe(0x1e);
  });

  it('answers DLE EOT 2 with bit 2 set when the cover is open', () => {
    expect(realtimeStatusByte(2, 'ok', 'closed')).toBe(0x12);
    expect(realtimeStatusByte(2, 'ok', 'open')).toBe(0x16);
  });

  it('reads paper and cover back from the reply bytes', () => {
    expect(paperFromSensorByte(0x12)).toBe('ok');
    expect(paperFromSensorByte(0x1e)).toBe('near_end');
    expect(paperFromSensorByte(0x72)).toBe('out');
    expect(coverFromOfflineByte(0x16)).toBe('open');
    expect(coverFromOfflineByte(0x12)).toBe('closed');
  });

  it('tells a real-time reply from a GS r reply', () => {
    expect(isRealtimeStatusByte(0x72)).toBe(true);
    expect(isTransmitStatusByte(0x72)).toBe(false);
    expect(isTransmitStatusByte(transmitPaperStatusByte('ok'))).toBe(true);
    expect(isRealtimeStatusByte(transmitPaperStatusByte('out'))).toBe(false);
  });
});
