import type { ProjectRowDto } from '@suocha/contract';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { LightChip } from './light-chip';
import { deciding } from './lights-model';
import { formatGapPoints, formatShare } from './projects-format';
import { projectPath } from './project-path';
import { useProjectsText } from './use-projects';

interface ProjectListProps {
  readonly rows: readonly ProjectRowDto[];
  readonly month: string;
  readonly categoryName: (code: string) => string;
  readonly departmentName: (code: string) => string;
  readonly testId: string;
}

/** Projects with their light and the rule that lit it (red and yellow lists of the board). */
export function ProjectList({ rows, month, categoryName, departmentName, testId }: ProjectListProps) {
  const p = useProjectsText();
  const { language } = useI18n();
  const en = language === 'en';
  return (
    <div className="table-scroll">
      <table className="data-table pj-list" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{p.colLight}</th>
            <th scope="col">{p.colCode}</th>
            <th scope="col">{p.colProject}</th>
            <th scope="col">{p.colOwner}</th>
            <th scope="col">{p.colCategory}</th>
            <th scope="col">{p.colDepartment}</th>
            <th scope="col">{p.colStage}</th>
            <th scope="col" className="num">
              {p.colRate}
            </th>
            <th scope="col" className="num" title={p.gapHint}>
              {p.colGap}
            </th>
            <th scope="col">{p.colReason}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const why = deciding(r.metrics);
            return (
              <tr key={r.code} data-code={r.code} data-light={r.metrics.light}>
                <td>
                  <LightChip light={r.metrics.light} />
                </td>
                <td>
                  <Link to={projectPath(r.code, month)} className="pj-code">
                    {r.code}
                  </Link>
                </td>
                <td>
                  {r.name}
                  {r.synthetic ? <span className="synthetic-tag">{p.syntheticTag}</span> : null}
                </td>
                <td>{r.ownerUnitName}</td>
                <td>{categoryName(r.category)}</td>
                <td>{departmentName(r.leadDepartment)}</td>
                <td>{p.stageName(r.stage)}</td>
                <td className="num">{formatShare(r.metrics.completionRate)}</td>
                <td className="num">{formatGapPoints(r.metrics.gapPoints)}</td>
                <td className="pj-why" data-rule={why.ruleId}>
                  {en ? why.en : why.zh}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
