import type { PageMatch } from '../router/routes';
import { UnderConstruction } from '../shell/under-construction';

/** The tasks page (placeholder until built). */
export function TasksPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  void sub;
  return <UnderConstruction module="tasks" />;
}
