import type { PageMatch } from '../router/routes';
import { UnderConstruction } from '../shell/under-construction';

/** The bulletins page (placeholder until built). */
export function BulletinsPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  void sub;
  return <UnderConstruction module="bulletins" />;
}
