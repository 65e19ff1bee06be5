/**
 * Section providers of the monthly bulletin: the projects (重大项目调度), supervision (重点问题督办) and
 * tasks (重点工作监测) sections come from modules of their own. Each provider answers its section's input
 * for a month from data frozen as of the month's last day, or null when it has nothing to say about that
 * month (the section is then left out and the bulletin says so).
 */
import type { BulletinMonth, ProjectsInput, SupervisionInput, TasksInput } from '@suocha/core';
import type { Store } from '@suocha/store';

export type SectionProvider<T> = (store: Store, month: BulletinMonth) => Promise<T | null>;

export type ProjectsSectionProvider = SectionProvider<ProjectsInput>;
export type SupervisionSectionProvider = SectionProvider<SupervisionInput>;
export type TasksSectionProvider = SectionProvider<TasksInput>;

export interface BulletinSectionProviders {
  readonly projects?: ProjectsSectionProvider;
  readonly supervision?: SupervisionSectionProvider;
  readonly tasks?: TasksSectionProvider;
}
