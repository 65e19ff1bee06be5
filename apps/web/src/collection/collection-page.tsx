import type { PageMatch } from '../router/routes';
import { UnderConstruction } from '../shell/under-construction';

/** The collection page (placeholder until built). */
export function CollectionPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  void sub;
  return <UnderConstruction module="collection" />;
}
