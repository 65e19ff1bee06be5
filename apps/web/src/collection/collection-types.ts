/**
 * Shapes of the /api/collection answers the page reads, from `@suocha/contract` (types only: zod's
 * runtime stays out of the bundle).
 */
import type { z } from 'zod';
import type {
  CollectionProblemSchema,
  DataSetDto,
  FieldViewDto,
  FormViewDto,
  HistoryEntrySchema,
  ImportReportDto,
  ReportingViewDto,
  SaveValuesBodyDto,
  UnitDto,
  ValueConflictSchema,
} from '@suocha/contract';

export type DataSet = DataSetDto;
export type FormView = FormViewDto;
export type FieldView = FieldViewDto;
export type FormState = FormViewDto['state'];
export type FormAction = FormViewDto['actions'][number];
export type FormEvent = FormViewDto['events'][number];
export type ValidationRule = FormViewDto['rules'][number];
export type SaveValuesBody = SaveValuesBodyDto;
export type EnteredValue = SaveValuesBodyDto['values'][number];
export type CollectionProblem = z.infer<typeof CollectionProblemSchema>;
export type ValueConflict = z.infer<typeof ValueConflictSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type ReportingView = ReportingViewDto;
export type ReportingUnit = ReportingViewDto['units'][number];
export type ReportingTotals = ReportingViewDto['totals'];
export type ImportReport = ImportReportDto;
export type Unit = UnitDto;

/** POST …/values and the workflow actions answer the form after the change, with rule warnings. */
export interface FormChange {
  readonly form: FormView;
  readonly warnings: readonly CollectionProblem[];
}

/** PUT …/values: how many values were written or found unchanged, and the form after the change. */
export interface SavedValues extends FormChange {
  readonly written: number;
  readonly unchanged: number;
}

/** The workflow actions other than saving values. */
export type WorkflowAction = Exclude<FormAction, 'save'>;

/** A 409 as the form page shows it: the values changed meanwhile, or the form's new state. */
export interface Conflict {
  readonly message: string;
  readonly conflicts: readonly ValueConflict[];
  readonly form: { readonly state: FormState; readonly version: number } | null;
}
