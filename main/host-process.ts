/**
 * Entry of Electron's utilityProcess: the same host as browser mode, reached over a MessagePort.
 * It does not import electron: process.parentPort is how a utility process talks to main.
 */
import { createDispatcher } from './api/dispatch.ts';
import { attachPort, type PortLike } from './api/port-transport.ts';
import { createHost } from './services/host.ts';
import { readTillConfig } from './services/till-config.ts';
import { acquireInstanceLock } from './services/instance-lock.ts';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('host-process runs only inside an Electron utilityProcess');

const [, , dataDir, configFile] = process.argv;
if (!dataDir || !configFile) throw new Error('usage: host-process <data-dir> <config-file>');

acquireInstanceLock(dataDir);
const host = await createHost({ config: readTillConfig(configFile), dataDir });
const dispatch = createDispatcher(host.handlers);

parentPort.on('message', (e) => {
  for (const port of e.ports) attachPort(port, dispatch, host.events);
});
parentPort.postMessage({ kind: 'ready' });
