import { describe, expect, it } from 'vitest';
import { DISCOVERY_MESSAGES, discoverHid, discoverSerial } from './discovery.ts';
import { HID_MESSAGES, HidUnavailableError } from './scanner/transports/hid-report-source.ts';

describe('device discovery', () => {
  it('lists HID devices as endpoints to configure, marking HID POS scanners (usage page 0x8C)', async () => {
    const found = await discoverHid(async () => [
      { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw1', usagePage: 0x8c, usage: 2, product: 'Voyager 1250g', manufacturer: 'Honeywell', release: 1, interface: 1 },
      { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', usagePage: 0x01, usage: 6, release: 1, interface: 0 },
    ]);
    expect(found).toEqual({
      available: true,
      items: [
        { endpoint: 'hid://0c2e:0b61', path: '/dev/hidraw1', product: 'Voyager 1250g', manufacturer: 'Honeywell', posScanner: true },
        { endpoint: 'hid://046d:c31c', path: '/dev/hidraw0', product: null, manufacturer: null, posScanner: false },
      ],
    });
  });

  it('says why HID devices cannot be listed on a machine without libusb/hidraw, instead of failing', async () => {
    const message = HID_MESSAGES.unavailable('libusb-1.0.so.0: cannot open shared object file');
    expect(await discoverHid(async () => Promise.reject(new HidUnavailableError(message)))).toEqual({ available: false, message, items: [] });
  });

  it('lists serial ports as endpoints, and says why when they cannot be listed (no udev)', async () => {
    const ports = await discoverSerial(async () => [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: undefined, pnpId: undefined, locationId: undefined }]);
    expect(ports).toEqual({ available: true, items: [{ endpoint: 'serial:///dev/ttyUSB0?baud=9600', path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' }] });
    const none = await discoverSerial(async () => Promise.reject(new Error('udevadm: not found')));
    expect(none).toEqual({ available: false, message: DISCOVERY_MESSAGES.serialUnavailable('udevadm: not found'), items: [] });
  });

  it('lists this machine for real without crashing (whatever it has)', async () => {
    const [hid, serial] = await Promise.all([discoverHid(), discoverSerial()]);
    expect(typeof hid.available).toBe('boolean');
    expect(typeof serial.available).toBe('boolean');
  });
});
