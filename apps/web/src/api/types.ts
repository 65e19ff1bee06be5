/**
 * Shapes of the server responses the web app reads. The JSON routes come from `@suocha/contract` (types
 * only: zod stays out of the bundle); the GeoJSON and the group list wrapper are described here.
 */
import type { GroupDto, GroupMembersDto, MeDto, UnitDetailDto, UnitDto } from '@suocha/contract';

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

/** Body of every error response: `{ "error": { "code", "message" } }`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}
