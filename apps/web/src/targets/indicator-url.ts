/** The drill-down's query: the unit (default: the user's scope unit) and optionally the target drawn. */
export interface IndicatorUrlState {
  readonly unit: string | null;
  readonly target: number | null;
}

const CODE = /^\d{6,12}$/;
const ID = /^[1-9]\d{0,9}$/;

export function readIndicatorUrlState(search: string): IndicatorUrlState {
  const params = new URLSearchParams(search);
  const unit = params.get('unit');
  const target = params.get('target');
  return {
    unit: unit !== null && CODE.test(unit) ? unit : null,
    target: target !== null && ID.test(target) ? Number(target) : null,
  };
}
