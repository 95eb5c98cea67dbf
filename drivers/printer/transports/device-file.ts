import fs from 'node:fs';
import { Duplex } from 'node:stream';

export const DEVICE_FILE_MESSAGES = {
  invalid: (url: string) => `"${url}" is not a USB printer-class endpoint (expected usblp:///dev/usb/lp0)`,
  openFailed: (path: string, reason: string) => `the printer device ${path} could not be opened: ${reason}`,
  noAccess: (path: string) => `no permission to open ${path}: add the till's user to the "lp" group (or a udev rule)`,
  unplugged: (path: string) => `the printer device ${path} was unplugged`,
} as const;

/**
 * The errors a character device gives once its device is gone: the usblp driver answers ENODEV
 * after a disconnect, a pty whose other end closed answers EIO, and the node itself may vanish (ENOENT, ENXIO).
 */
const UNPLUGGED = new Set(['ENODEV', 'ENOENT', 'EIO', 'ENXIO', 'EBADF']);

/** Parses "usblp:///dev/usb/lp0" (the Linux usblp driver's device file). Broken configuration throws. */
export function parseDeviceFileEndpoint(url: string): { path: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(DEVICE_FILE_MESSAGES.invalid(url));
  }
  if (parsed.protocol !== 'usblp:' || parsed.host !== '' || parsed.pathname.length < 2) throw new Error(DEVICE_FILE_MESSAGES.invalid(url));
  return { path: decodeURIComponent(parsed.pathname) };
}

/**
 * A character device (a USB printer-class file such as /dev/usb/lp0) as a byte stream. It is opened
 * non-blocking and read by polling: a blocking read would hold one of libuv's few pool threads for as
 * long as the printer has nothing to say, which is most of the time. A read or write that fails with
 * one of the "device gone" errors destroys the stream, so its 'close' tells the driver to go offline.
 */
class DeviceFileStream extends Duplex {
  private timer: NodeJS.Timeout | undefined;
  private reading = false;
  private readonly watch: NodeJS.Timeout;

  constructor(
    private readonly fd: number,
    private readonly path: string,
    private readonly pollMs: number,
  ) {
    super();
    // Not every driver fails the next read when the device goes: the node going away says it too.
    this.watch = setInterval(() => {
      if (!fs.existsSync(path)) this.destroy(new Error(DEVICE_FILE_MESSAGES.unplugged(path)));
    }, 250);
    this.watch.unref();
  }

  override _read(): void {
    if (this.reading) return;
    this.reading = true;
    this.pump();
  }

  private pump(): void {
    if (this.destroyed) return;
    const buffer = Buffer.allocUnsafe(512);
    fs.read(this.fd, buffer, 0, buffer.length, null, (error, bytes) => {
      if (this.destroyed) return;
      if (error) {
        if (error.code === 'EAGAIN' || error.code === 'EWOULDBLOCK' || error.code === 'EINTR') return this.later();
        this.destroy(UNPLUGGED.has(error.code ?? '') ? new Error(DEVICE_FILE_MESSAGES.unplugged(this.path)) : error);
        return;
      }
      // 0 bytes from a printer device is "nothing now", not the end of the stream.
      if (bytes === 0) return this.later();
      if (this.push(Buffer.from(buffer.subarray(0, bytes)))) this.pump();
      else this.reading = false;
    });
  }

  private later(): void {
    this.timer = setTimeout(() => this.pump(), this.pollMs);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const write = (offset: number): void => {
      if (this.destroyed) return done(new Error(DEVICE_FILE_MESSAGES.unplugged(this.path)));
      fs.write(this.fd, chunk, offset, chunk.length - offset, null, (error, written) => {
        if (error) {
          // The printer's buffer is full: it takes the rest when it has printed some.
          if (error.code === 'EAGAIN' || error.code === 'EWOULDBLOCK' || error.code === 'EINTR') return void setTimeout(() => write(offset), this.pollMs);
          return done(UNPLUGGED.has(error.code ?? '') ? new Error(DEVICE_FILE_MESSAGES.unplugged(this.path)) : error);
        }
        if (offset + written < chunk.length) write(offset + written);
        else done();
      });
    };
    write(0);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    clearTimeout(this.timer);
    clearInterval(this.watch);
    fs.close(this.fd, () => done(error));
  }
}

/** Opens a printer device file read-write, non-blocking; rejects with a clear message (missing, no permission). */
export function openDeviceFile(path: string, options: { pollMs?: number } = {}): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const flags = fs.constants.O_RDWR | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY;
    fs.open(path, flags, (error, fd) => {
      if (error) {
        reject(new Error(error.code === 'EACCES' ? DEVICE_FILE_MESSAGES.noAccess(path) : DEVICE_FILE_MESSAGES.openFailed(path, error.code ?? error.message)));
        return;
      }
      resolve(new DeviceFileStream(fd, path, options.pollMs ?? 10));
    });
  });
}
