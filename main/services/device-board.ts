import type { DeviceStatusView } from '../api/contract.ts';
import type { DeviceStatus } from '../../drivers/device.ts';

type DeviceKind = DeviceStatusView['device'];

/** The health of every device on the till, in one list the UI shows at all times. */
export class DeviceBoard {
  private readonly devices = new Map<DeviceKind, DeviceStatusView>();

  constructor(private readonly onChange: (all: DeviceStatusView[]) => void) {}

  set(device: DeviceKind, name: string, status: DeviceStatus): void {
    const view: DeviceStatusView = {
      device,
      name,
      state: status.state,
      ...(status.code === undefined ? {} : { code: status.code }),
      ...(status.detail === undefined ? {} : { detail: status.detail }),
    };
    this.devices.set(device, view);
    this.onChange(this.list());
  }

  list(): DeviceStatusView[] {
    return [...this.devices.values()];
  }
}
