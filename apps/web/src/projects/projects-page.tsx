import type { PageMatch } from '../router/routes';
import { UnderConstruction } from '../shell/under-construction';

/** The projects page (placeholder until built). */
export function ProjectsPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  void sub;
  return <UnderConstruction module="projects" />;
}
