import type { ApiError } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Why a tender did not go through, with the host's detail (the balance, the pay app's reason). */
export function TenderFailure({ failure }: { failure: ApiError }) {
  const { error } = useI18n();
  return (
    <p role="alert" className="tool-error">
      {error(failure, true)}
    </p>
  );
}
