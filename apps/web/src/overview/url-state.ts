/** The 总览 page state kept in the query string (plan, domain, unit), so that a view can be shared. */
export interface OverviewUrlState {
  readonly plan: string | null;
  readonly domain: string | null;
  readonly unit: string | null;
}

const CODE = /^\d{6,12}$/;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Reads the state, dropping malformed values rather than sending them to the server. */
export function readOverviewUrlState(search: string): OverviewUrlState {
  const params = new URLSearchParams(search);
  const plan = params.get('plan');
  const domain = params.get('domain');
  const unit = params.get('unit');
  return {
    plan: plan !== null && SLUG.test(plan) ? plan : null,
    domain: domain !== null && SLUG.test(domain) ? domain : null,
    unit: unit !== null && CODE.test(unit) ? unit : null,
  };
}

/** The query string of a state; empty values are left out so that plain links stay plain. */
export function writeOverviewUrlState(state: OverviewUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.plan !== null) params.set('plan', state.plan);
  if (state.domain !== null) params.set('domain', state.domain);
  if (state.unit !== null) params.set('unit', state.unit);
  return params;
}
