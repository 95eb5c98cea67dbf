import type { ApiError } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Why a dialog's action did not go through; "over your limit" asks for the supervisor PIN. */
export function ApprovalFailure({ failure }: { failure: ApiError | null }) {
  const { t, error } = useI18n();
  if (!failure) return null;
  return (
    <p role="alert" className="tool-error">
      {failure.code === 'approval_required' ? t('approval.required') : error(failure)}
    </p>
  );
}
