import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { UnitLabels } from './progress-format';

/** The labels progress figures are written with, in the current language. */
export function useUnitLabels(): UnitLabels {
  const { t } = useI18n();
  return useMemo(
    () => ({
      unitLabel: t.evaluation.unitLabel,
      points: t.targetsPage.points,
      perYear: t.targetsPage.perYear,
    }),
    [t],
  );
}
