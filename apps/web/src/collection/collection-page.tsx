import type { PageMatch } from '../router/routes';
import { NotFound } from '../shell/not-found';
import { ChoicePage } from './choice-page';
import { FormPage } from './form-page';
import { parseFormParam } from './form-path';
import '../evaluation/evaluation.css';
import '../targets/targets.css';
import './collection.css';

/**
 * 数据填报 (issue 3 §2–§6): /collection chooses a form and shows the reporting rate, imports and exports;
 * /collection/form/<dataset>/<unit>/<period> is one form.
 */
export function CollectionPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  if (sub === null) return <ChoicePage />;
  const key = sub.key === 'form' ? parseFormParam(sub.param) : null;
  if (key === null) return <NotFound />;
  return <FormPage formKey={key} />;
}
