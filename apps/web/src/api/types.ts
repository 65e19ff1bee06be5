/**
 * Shapes of the server responses the web app reads. The JSON routes come from `@suocha/contract` (types
 * only: zod stays out of the bundle); the GeoJSON and the group list wrapper are described here.
 */
import type {
  CountyHealthDto,
  GroupDto,
  GroupMembersDto,
  IndexRunDto,
  IndexRunSummaryDto,
  IndicatorDto,
  LeagueRowDto,
  MeDto,
  ProgressReportDto,
  TargetDto,
  UnitDetailDto,
  UnitDto,
} from '@suocha/contract';

export type Unit = UnitDto;
export type UnitLevel = UnitDto['level'];

/** GET /api/units/:code */
export type UnitDetail = UnitDetailDto;

export type Group = GroupDto;

/** GET /api/auth/me and POST /api/auth/login: the user, how they are authenticated, the CSRF token. */
export type Me = MeDto;

/** GET /api/groups */
export interface GroupList {
  readonly items: readonly Group[];
}

/** GET /api/groups/:code/members?asOf=YYYY-MM-DD — items carry memberFrom/memberTo of the membership. */
export type GroupMembers = GroupMembersDto;
export type GroupMember = GroupMembersDto['items'][number];

/** Properties of one county in GET /api/geo/counties (DataV-derived; codes may arrive as numbers). */
export type CountyProperties = {
  readonly adcode: string | number;
  readonly name: string;
  readonly parent?: string | number | { readonly adcode: string | number } | null;
  readonly [key: string]: unknown;
};

export type PolygonGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: number[][][] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: number[][][][] };

export type CountyFeature = {
  readonly type: 'Feature';
  readonly properties: CountyProperties;
  readonly geometry: PolygonGeometry;
};

/** GET /api/geo/counties */
export type CountyCollection = {
  readonly type: 'FeatureCollection';
  // Mutable array: echarts.registerMap takes the collection as is.
  readonly features: CountyFeature[];
};

/** GET /api/index/runs: frozen index runs, newest first. */
export interface IndexRunList {
  readonly items: readonly IndexRunSummary[];
}
export type IndexRunSummary = IndexRunSummaryDto;
/** GET /api/index/runs/:id and POST /api/index/runs: a frozen run with its league table. */
export type IndexRun = IndexRunDto;
export type LeagueRow = LeagueRowDto;
/** GET /api/index/counties/:code/health: a county's health check (县域体检表). */
export type CountyHealth = CountyHealthDto;

/** Body of POST /api/index/runs as the web app sends it (the platform's default framework). */
export interface IndexRunStart {
  readonly of: string;
  readonly level: 'county';
  readonly period: string;
  readonly samples: number;
}

/** GET /api/progress?unit=…&asOf=…: progress of the unit's targets. */
export type ProgressReport = ProgressReportDto;

export type Target = TargetDto;
export type Indicator = IndicatorDto;

/** GET /api/targets?unit=… */
export interface TargetList {
  readonly items: readonly Target[];
}

/** GET /api/indicators */
export interface IndicatorList {
  readonly items: readonly Indicator[];
}

// ---- progress, series, warnings, plans and target edits (总览, 指标与目标) ----
import type {
  IndicatorSeriesDto,
  JudgementDto,
  PlanDto,
  ProgressRowDto,
  TargetEditBodyDto,
  TargetEditResultDto,
  WarningDto,
  WarningsReportDto,
} from '@suocha/contract';

export type ProgressRow = ProgressRowDto;
export type ProgressJudgement = JudgementDto;
export type ProgressStatus = ProgressRowDto['status'];
/** GET /api/indicators/:code/series?unit=…: values with sources and lineage, and the unit's targets. */
export type IndicatorSeries = IndicatorSeriesDto;
export type SeriesPoint = IndicatorSeriesDto['items'][number];
/** GET /api/warnings?unit=…&asOf=… */
export type WarningsReport = WarningsReportDto;
export type Warning = WarningDto;
export type Plan = PlanDto;
/** GET /api/plans */
export interface PlanList {
  readonly items: readonly Plan[];
}
/** PUT /api/targets/:id (provincial administrators) and its answer. */
export type TargetEdit = TargetEditBodyDto;
export type TargetEditResult = TargetEditResultDto;

/** Body of every error response: `{ "error": { "code", "message" } }`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

// ---- 三大差距 (gaps) ----
import type { HouseholdJobDto, RegionalGapsDto } from '@suocha/contract';

/** GET /api/gaps/regional?…: regional measures over the units under `of`, with coverage and notes. */
export type RegionalGaps = RegionalGapsDto;
export type RegionalUnitRow = RegionalGapsDto['units'][number];
export type TheilDecomposition = NonNullable<RegionalGapsDto['measures']['theil']>;
export type LabelledDecomposition = RegionalGapsDto['measures']['decompositions'][number];

/** Query of GET /api/gaps/regional as the web app sends it (absent fields: the server's defaults). */
export interface RegionalGapsParams {
  readonly indicator: string;
  readonly of: string;
  readonly level?: UnitLevel;
  readonly group?: string;
  readonly asOf?: string;
  readonly period?: string;
  /** Reference line as another unit's value (100000: the national figure). */
  readonly lineUnit?: string;
}

/** GET /api/geo/cities: the 11 cities, in the same GeoJSON shape as the counties. */
export type CityCollection = CountyCollection;

/** GET /api/gaps/households/jobs/:id: progress, then the measures or the located problems. */
export type HouseholdJob = HouseholdJobDto;
export type HouseholdFileMeasures = NonNullable<HouseholdJobDto['result']>;
export type HouseholdProblem = NonNullable<HouseholdJobDto['problems']>[number];

/** A household file sent as the raw body of POST /api/gaps/households, with its query options. */
export interface HouseholdUpload {
  readonly file: Blob;
  readonly filename: string;
  readonly contentType: string;
  /** Groupings to decompose Theil T and L by. */
  readonly by?: readonly ('urban_rural' | 'city' | 'county')[];
  /** Low-income line on per-capita income (yuan). */
  readonly lowLine?: number;
}
