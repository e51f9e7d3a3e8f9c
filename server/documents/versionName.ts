import type { Services } from '../services';
import type { VersionMeta } from '../storage/VersionStore';
import type { Lang } from '@shared/bill/Lang';

/** A version's name as people read it: its own, or "Automatic version" for one the server kept. */
export function versionDisplayName(services: Services, version: Pick<VersionMeta, 'kind' | 'name'>, lang: Lang): string {
  return version.kind === 'automatic' ? services.i18n.t('versions.automaticName', { lng: lang }) : version.name;
}
