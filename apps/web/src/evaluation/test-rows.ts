import type { LeagueRow } from '../api/types';

/** A league row with defaults, for the web unit tests (only the fields a test names matter). */
export function leagueRow(over: Partial<LeagueRow> & Pick<LeagueRow, 'unitCode' | 'name'>): LeagueRow {
  return {
    parentCode: `${over.unitCode.slice(0, 4)}00`,
    parentName: null,
    mountainIsland: false,
    score: null,
    rank: null,
    groupRank: null,
    parentRank: null,
    previousRank: null,
    rankChange: null,
    domainScores: {},
    rankInterval: null,
    weakest: [],
    coverage: 1,
    available: 18,
    belowCoverage: false,
    synthetic: false,
    values: {},
    ...over,
  };
}
