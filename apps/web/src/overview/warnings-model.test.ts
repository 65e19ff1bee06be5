import { describe, expect, it } from 'vitest';
import type { Warning, WarningsReport } from '../api/types';
import { orderWarnings, severityCounts } from './warnings-model';

const warning = (
  id: number,
  severity: Warning['severity'],
  raisedOn: string,
  unitCode = '330000',
): Warning => ({
  id,
  rule: 'off_track',
  severity,
  fingerprint: `f${id}`,
  unitCode,
  unitName: '浙江省',
  indicatorCode: 'x',
  indicatorNameZh: '指标',
  planCode: 'p',
  targetId: id,
  datasetCode: null,
  period: '2025',
  message: 'm',
  details: {},
  raisedOn,
  closedOn: null,
  lastSeenOn: raisedOn,
});

const report: WarningsReport = {
  unit: { code: '330000', name: '浙江省' },
  asOf: '2026-11-23',
  since: '2026-11-01',
  evaluation: null,
  open: [
    warning(1, 'red', '2026-11-23'),
    warning(2, 'red', '2026-10-02'),
    warning(3, 'yellow', '2026-11-05'),
  ],
  raised: [warning(1, 'red', '2026-11-23'), warning(3, 'yellow', '2026-11-05')],
  closed: [warning(4, 'orange', '2026-09-01')],
};

describe('warnings summary', () => {
  it('counts open, new and resolved warnings by severity', () => {
    expect(severityCounts(report)).toEqual([
      { severity: 'red', open: 2, raised: 1, closed: 0 },
      { severity: 'orange', open: 0, raised: 0, closed: 1 },
      { severity: 'yellow', open: 1, raised: 1, closed: 0 },
    ]);
  });

  it('lists the most severe first, newest first within a severity', () => {
    expect(orderWarnings(report.open).map((w) => w.id)).toEqual([1, 2, 3]);
    expect(
      orderWarnings([warning(5, 'yellow', '2026-11-01'), warning(6, 'red', '2026-01-01')]).map((w) => w.id),
    ).toEqual([6, 5]);
  });
});
