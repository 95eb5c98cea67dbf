import { useEffect, useState } from 'react';
import type { TillClient } from '../../../main/api/till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * The receipt as it would have printed, on screen: shown when the paper did not come out (the printer
 * is out of paper, unplugged), so the customer still sees what they paid for while it waits in the
 * reprint queue. Drawn by the host from the same layout as the paper.
 */
export function ReceiptPreview({ client, saleId }: { readonly client: TillClient; readonly saleId: string }) {
  const { t } = useI18n();
  const [image, setImage] = useState<{ src: string; width: number; height: number } | null>(null);
  useEffect(() => {
    let live = true;
    void client.invoke('journal.receiptImage', { saleId }).then((r) => {
      if (live && r.ok) setImage({ src: `data:image/png;base64,${r.value.png}`, width: r.value.width, height: r.value.height });
    });
    return () => {
      live = false;
    };
  }, [client, saleId]);
  if (!image) return null;
  return <img className="receipt-preview" src={image.src} width={image.width / 2} height={image.height / 2} alt={t('done.preview')} />;
}
