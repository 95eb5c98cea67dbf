import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ConfigurableDevice } from './till-devices.ts';

/**
 * The endpoints a supervisor set on the devices screen, kept in the till's data directory
 * (devices.json) so they survive a restart. They override till.json's `devices`, device by device.
 */
export const DEVICE_CONFIG_FILE = 'devices.json';

const endpoints = z
  .object({ printer: z.string(), scanner: z.string(), payment: z.string(), display: z.string() })
  .partial()
  .strict();
export type DeviceEndpoints = z.output<typeof endpoints>;

export const DEVICE_CONFIG_MESSAGES = {
  unreadable: (file: string, reason: string) => `the device configuration ${file} is not valid and was ignored (till.json's devices apply): ${reason}`,
} as const;

/** The saved endpoints; a broken file is ignored with a warning (the till still starts on till.json). */
export function readDeviceConfig(dataDir: string, warn: (message: string) => void = console.warn): DeviceEndpoints {
  const file = path.join(dataDir, DEVICE_CONFIG_FILE);
  if (!existsSync(file)) return {};
  try {
    return endpoints.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    warn(DEVICE_CONFIG_MESSAGES.unreadable(file, error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message));
    return {};
  }
}

/** Saves one endpoint (write then rename: a crash never leaves half a file). */
export function saveDeviceEndpoint(dataDir: string, kind: ConfigurableDevice, url: string): DeviceEndpoints {
  const next = { ...readDeviceConfig(dataDir), [kind]: url };
  const file = path.join(dataDir, DEVICE_CONFIG_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return next;
}
