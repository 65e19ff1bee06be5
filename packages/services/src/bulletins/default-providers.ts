/**
 * The section providers wired by default: projects (重大项目调度) from the projects module. Supervision
 * (重点问题督办) and tasks (重点工作监测) are left out until their modules' services are wired here.
 */
import { projectsSectionProvider } from './projects-provider';
import type { BulletinSectionProviders } from './section-providers';

export const defaultSectionProviders: BulletinSectionProviders = {
  projects: projectsSectionProvider,
};
