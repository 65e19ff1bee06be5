/**
 * The section providers wired by default: projects (重大项目调度), supervision (重点问题督办) and tasks
 * (重点工作监测), each from its own module.
 */
import { projectsSectionProvider } from './projects-provider';
import type { BulletinSectionProviders } from './section-providers';
import { supervisionSectionProvider } from './supervision-provider';
import { tasksSectionProvider } from './tasks-provider';

export const defaultSectionProviders: BulletinSectionProviders = {
  projects: projectsSectionProvider,
  supervision: supervisionSectionProvider,
  tasks: tasksSectionProvider,
};
