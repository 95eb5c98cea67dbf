import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmitter, type Device, type DeviceStatus, type Unsubscribe } from '../../drivers/device.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { DEVICE_CONFIG_FILE, DEVICE_CONFIG_MESSAGES, readDeviceConfig, saveDeviceEndpoint } from './device-config-file.ts';
import { DeviceSlot } from './device-slot.ts';
import { validateEndpoint } from './till-devices.ts';
import { parseTillConfig } from './till-config.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { HID_MESSAGES } from '../../drivers/scanner/transports/hid-report-source.ts';

describe('device endpoints a supervisor types', () => {
  it('accepts what each device class can open, and says why it refuses the rest', () => {
    expect(validateEndpoint('scanner', 'hid://0c2e:0b61')).toBeNull();
    expect(validateEndpoint('display', 'serial:///dev/ttyUSB1?baud=9600&codepage=ksc5601')).toBeNull();
    expect(validateEndpoint('printer', 'tcp://192.168.0.50:9100')).toBeNull();
    expect(validateEndpoint('scanner', 'hid://0x0c2e:0x0b61')).toBe(HID_MESSAGES.invalid('hid://0x0c2e:0x0b61'));
    expect(validateEndpoint('display', 'tcp://127.0.0.1:9999?codepage=big5')).toMatch(/codepage "big5" is not known/);
    expect(validateEndpoint('printer', 'the one by the door')).toMatch(/a device endpoint is a URL/);
    expect(validateEndpoint('payment', 'serial:///dev/ttyS0?baud=fast')).toMatch(/no valid baud rate/);
  });
});

describe('the device configuration file (devices.json in the data dir)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  const dir = () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    return t.dir;
  };

  it('keeps each saved endpoint, one device at a time', () => {
    const d = dir();
    expect(readDeviceConfig(d)).toEqual({});
    saveDeviceEndpoint(d, 'display', 'tcp://127.0.0.1:19202');
    saveDeviceEndpoint(d, 'scanner', 'hid://0c2e:0b61');
    expect(readDeviceConfig(d)).toEqual({ display: 'tcp://127.0.0.1:19202', scanner: 'hid://0c2e:0b61' });
  });

  it('ignores a broken file with a warning, so the till still starts on till.json', () => {
    const d = dir();
    writeFileSync(path.join(d, DEVICE_CONFIG_FILE), '{"printer": 9100}');
    const warnings: string[] = [];
    expect(readDeviceConfig(d, (w) => warnings.push(w))).toEqual({});
    expect(warnings[0]).toContain(DEVICE_CONFIG_MESSAGES.unreadable(path.join(d, DEVICE_CONFIG_FILE), '').slice(0, 40));
  });
});

describe('till.json: the display and the wedge suffix', () => {
  const base = demoTillConfig({ centralUrl: 'http://127.0.0.1:4000/graphql', endpoints: {} });
  it('takes a display endpoint and the wedge suffix (Enter by default)', () => {
    const c = parseTillConfig({ ...base, devices: { display: 'serial:///dev/ttyUSB1?baud=9600' }, wedge: { interKeyMs: 50, prefix: '%', suffix: { chars: '#' } } });
    expect(c.devices.display).toBe('serial:///dev/ttyUSB1?baud=9600');
    expect(c.wedge).toEqual({ interKeyMs: 50, prefix: '%', suffix: { chars: '#' } });
    expect(parseTillConfig(base).wedge.suffix).toBe('enter');
    expect(() => parseTillConfig({ ...base, wedge: { interKeyMs: 50, prefix: '', suffix: 'space' } })).toThrow(/till configuration is not valid/);
  });
});

class FakeScanner implements Device {
  readonly events = createEmitter<{ data: string; status: DeviceStatus }>();
  opened = false;
  closed = false;
  async open(): Promise<void> {
    this.opened = true;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  status(): DeviceStatus {
    return { state: this.opened && !this.closed ? 'online' : 'disabled' };
  }
  onStatus(cb: (s: DeviceStatus) => void): Unsubscribe {
    return this.events.on('status', cb);
  }
  onData(cb: (d: string) => void): Unsubscribe {
    return this.events.on('data', cb);
  }
}

describe('a device slot (reopening a device without a restart)', () => {
  it('moves the listeners to the new device, closes the old one, and forwards calls to the one in the slot', async () => {
    const slot = new DeviceSlot<FakeScanner>();
    expect(slot.device.status()).toEqual({ state: 'disabled', detail: 'not configured' });
    const heard: string[] = [];
    const off = slot.device.onData((d) => heard.push(d));
    const first = new FakeScanner();
    await slot.fill(first);
    first.events.emit('data', 'one');
    const second = new FakeScanner();
    await slot.fill(second);
    first.events.emit('data', 'from the old one');
    second.events.emit('data', 'two');
    expect(heard).toEqual(['one', 'two']);
    expect(first.closed).toBe(true);
    expect(second.opened).toBe(true);
    expect(slot.device.status()).toEqual({ state: 'online' });
    off();
    second.events.emit('data', 'after unsubscribing');
    expect(heard).toEqual(['one', 'two']);
  });
});
