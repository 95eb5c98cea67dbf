import { useEffect, useState } from 'react';
import type { ApiError } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { UnsyncedDialog } from './unsynced-dialog.tsx';

/**
 * The Electron shell holds a close of the app while sales are not synced and asks here: a
 * supervisor's PIN lets it close (the host checks the PIN, then tells the shell); Escape keeps the till open.
 */
export function QuitRequestDialog({ client }: { client: TillClient }) {
  const [queued, setQueued] = useState<number | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  useEffect(
    () =>
      client.on('app.quitRequested', (e) => {
        setFailure(null);
        setQueued(e.queued);
      }),
    [client],
  );
  if (queued === null) return null;
  const approve = async (supervisorPin: string) => {
    const reply = await client.invoke('app.approveQuit', { supervisorPin });
    if (!reply.ok) setFailure(reply.error);
    else setQueued(null);
  };
  return <UnsyncedDialog count={queued} action="quit" failure={failure} onConfirm={(pin) => void approve(pin)} onCancel={() => setQueued(null)} />;
}
