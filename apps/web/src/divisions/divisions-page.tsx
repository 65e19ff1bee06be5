import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Group, Unit } from '../api/types';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { replaceSearch } from '../router/location';
import { ErrorBanner } from '../shell/error-banner';
import { loadCountiesOnce } from './county-geo';
import { CountyMap } from './county-map';
import { isIsoDate, localIsoDate } from './dates';
import { buildMapModel, regionsOf } from './map-model';
import { CATEGORY_COLOURS, SELECTED_BORDER } from './map-option';
import { MemberList } from './member-list';
import { TownPanel } from './town-panel';
import { readDivisionsUrlState, writeDivisionsUrlState } from './url-state';

/** The province this deployment covers; its children are the cities offered as a filter. */
const PROVINCE_CODE = '330000';

const loadGroups = (signal: AbortSignal) => api.groups(signal);
const loadProvince = (signal: AbortSignal) => api.unit(PROVINCE_CODE, signal);

function groupName(group: Group, language: string): string {
  return language === 'en' ? group.nameEn : group.nameZh;
}

export function DivisionsPage() {
  const { t, language } = useI18n();
  const initial = useMemo(() => readDivisionsUrlState(window.location.search), []);
  const [groupCode, setGroupCode] = useState<string | null>(initial.group);
  const [dateInput, setDateInput] = useState<string>(() => initial.asOf ?? localIsoDate(new Date()));
  const [cityCode, setCityCode] = useState<string | null>(initial.city);
  const [countyCode, setCountyCode] = useState<string | null>(initial.county);

  const groups = useRequest('groups', loadGroups);
  const province = useRequest(PROVINCE_CODE, loadProvince);
  const counties = useRequest('counties', loadCountiesOnce);

  // Default to the first group the server lists once the list arrives.
  const groupItems = groups.data?.items;
  const firstGroup = groupItems?.[0]?.code;
  useEffect(() => {
    if (groupCode === null && firstGroup !== undefined) setGroupCode(firstGroup);
  }, [groupCode, firstGroup]);

  const dateValid = isIsoDate(dateInput);
  const asOf = dateValid ? dateInput : null;
  const membersKey = groupCode !== null && asOf !== null ? `${groupCode}@${asOf}` : null;
  const loadMembers = useCallback(
    (signal: AbortSignal) => api.groupMembers(groupCode ?? '', asOf ?? '', signal),
    [groupCode, asOf],
  );
  const members = useRequest(membersKey, loadMembers);

  useEffect(() => {
    replaceSearch(writeDivisionsUrlState({ group: groupCode, asOf, city: cityCode, county: countyCode }));
  }, [groupCode, asOf, cityCode, countyCode]);

  const cities: readonly Unit[] = useMemo(
    () => (province.data?.children ?? []).filter((unit) => unit.level === 'city'),
    [province.data],
  );
  const cityNames = useMemo(() => new Map(cities.map((city) => [city.code, city.name])), [cities]);

  const allMembers = members.data?.items;
  const visibleMembers = useMemo(
    () => (allMembers ?? []).filter((unit) => cityCode === null || unit.parentCode === cityCode),
    [allMembers, cityCode],
  );
  const memberCodes = useMemo(() => new Set(visibleMembers.map((unit) => unit.code)), [visibleMembers]);

  const regions = useMemo(
    () => (counties.data === undefined ? [] : regionsOf(counties.data)),
    [counties.data],
  );
  const model = useMemo(
    () => buildMapModel(regions, memberCodes, cityCode, countyCode),
    [regions, memberCodes, cityCode, countyCode],
  );
  const mapLabels = useMemo(
    () => ({ member: t.divisions.tooltipMember, other: t.divisions.tooltipOther, code: t.divisions.code }),
    [t],
  );

  const selectedGroup = groupItems?.find((group) => group.code === groupCode);
  const count = visibleMembers.length;

  return (
    <div className="divisions" data-testid="divisions-page">
      <section className="panel">
        <h1>{t.divisions.title}</h1>
        <p className="muted">{t.divisions.intro}</p>
        {groups.error !== undefined ? <ErrorBanner error={groups.error} onRetry={groups.reload} /> : null}
        <div className="controls">
          <label className="field">
            <span>{t.divisions.group}</span>
            <select
              data-testid="group-select"
              value={groupCode ?? ''}
              disabled={groupItems === undefined}
              onChange={(event) => setGroupCode(event.target.value)}
            >
              {groupItems === undefined ? <option value="">{t.common.loading}</option> : null}
              {(groupItems ?? []).map((group) => (
                <option key={group.code} value={group.code}>
                  {groupName(group, language)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t.divisions.asOf}</span>
            <input
              type="date"
              data-testid="asof-input"
              value={dateInput}
              aria-invalid={!dateValid}
              onChange={(event) => setDateInput(event.target.value)}
            />
          </label>
          {selectedGroup !== undefined && selectedGroup.description !== '' ? (
            <p className="group-description muted">{selectedGroup.description}</p>
          ) : null}
        </div>
        {!dateValid ? (
          <p className="field-error" role="alert">
            {t.divisions.invalidDate}
          </p>
        ) : null}
        <div className="city-filter" role="group" aria-label={t.divisions.city} data-testid="city-filter">
          <span className="city-filter-label">{t.divisions.city}</span>
          {province.error !== undefined ? (
            <ErrorBanner error={province.error} onRetry={province.reload} />
          ) : null}
          <button
            type="button"
            className="chip"
            aria-pressed={cityCode === null}
            onClick={() => setCityCode(null)}
          >
            {t.divisions.allCities}
          </button>
          {cities.map((city) => (
            <button
              key={city.code}
              type="button"
              className="chip"
              data-code={city.code}
              aria-pressed={cityCode === city.code}
              onClick={() => setCityCode(cityCode === city.code ? null : city.code)}
            >
              {city.name}
            </button>
          ))}
        </div>
      </section>

      <div className="divisions-grid">
        <section className="panel map-panel">
          <h2>{t.divisions.mapTitle}</h2>
          <ul className="legend" data-testid="map-legend">
            <li>
              <span className="swatch" style={{ background: CATEGORY_COLOURS.member }} />
              {selectedGroup !== undefined ? groupName(selectedGroup, language) : t.divisions.legendMember}
            </li>
            <li>
              <span className="swatch" style={{ background: CATEGORY_COLOURS.other }} />
              {t.divisions.legendOther}
            </li>
            {cityCode !== null ? (
              <li>
                <span className="swatch swatch-filtered" style={{ background: CATEGORY_COLOURS.filtered }} />
                {t.divisions.legendFiltered}
              </li>
            ) : null}
            <li>
              <span
                className="swatch"
                style={{ background: '#fff', borderColor: SELECTED_BORDER, borderWidth: 2 }}
              />
              {t.divisions.legendSelected}
            </li>
          </ul>
          {counties.error !== undefined ? (
            <ErrorBanner error={counties.error} onRetry={counties.reload} />
          ) : null}
          {counties.data !== undefined ? (
            <CountyMap
              geo={counties.data}
              model={model}
              labels={mapLabels}
              ariaLabel={`${t.divisions.mapTitle}: ${t.divisions.memberCount(model.colouredCodes.length)}`}
              onSelect={setCountyCode}
            />
          ) : counties.error === undefined ? (
            <div className="county-map placeholder">{t.common.loading}</div>
          ) : null}
          <p className="muted small">{t.divisions.mapSource}</p>
        </section>

        <section className="panel members-panel" aria-busy={members.loading}>
          <h2>
            {t.divisions.members}
            {asOf !== null ? <span className="muted small"> · {asOf}</span> : null}
          </h2>
          {members.error !== undefined ? (
            <ErrorBanner error={members.error} onRetry={members.reload} />
          ) : null}
          {allMembers !== undefined && members.error === undefined ? (
            <>
              <p
                className="member-count"
                data-testid="member-count"
                data-count={count}
                data-as-of={members.data?.asOf}
              >
                {t.divisions.memberCount(count)}
              </p>
              <MemberList
                members={visibleMembers}
                cityNames={cityNames}
                selectedCode={countyCode}
                onSelect={setCountyCode}
              />
            </>
          ) : members.loading ? (
            <p className="muted">{t.common.loading}</p>
          ) : null}
        </section>

        <TownPanel countyCode={countyCode} />
      </div>
    </div>
  );
}
