import type { PageMatch } from '../router/routes';
import { Link } from '../router/link';
import { DispatchBoard } from './dispatch-board';
import { ImportPage } from './import-page';
import { ProjectDetail } from './project-detail';
import { importPath } from './project-path';
import { useProjectsText } from './use-projects';
import '../evaluation/evaluation.css';
import './projects.css';

/**
 * 重大项目调度 (issue 7 §6): the dispatch board (/projects), a project's page (/projects/project/<code>)
 * and the report import (/projects/import).
 */
export function ProjectsPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  const p = useProjectsText();
  const view = sub?.key === 'project' ? 'project' : sub?.key === 'import' ? 'import' : 'board';
  return (
    <div className="projects" data-testid="projects-page" data-view={view}>
      {view === 'project' ? null : (
        <section className="panel pj-header">
          <h1>{p.title}</h1>
          <p className="muted">{p.intro}</p>
          <nav className="pj-tabs" aria-label={p.title}>
            <Link
              to="/projects"
              className="pj-tab"
              aria-current={view === 'board' ? 'page' : undefined}
              data-testid="tab-board"
            >
              {p.tabBoard}
            </Link>
            <Link
              to={importPath()}
              className="pj-tab"
              aria-current={view === 'import' ? 'page' : undefined}
              data-testid="tab-import"
            >
              {p.tabImport}
            </Link>
          </nav>
        </section>
      )}
      {view === 'project' && sub !== null ? (
        <ProjectDetail code={sub.param} />
      ) : view === 'import' ? (
        <ImportPage />
      ) : (
        <DispatchBoard />
      )}
    </div>
  );
}
