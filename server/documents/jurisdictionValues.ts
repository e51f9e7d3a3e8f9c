import type { Jurisdiction, ParameterValue, Template } from '@shared/bill/templateFormat';
import type { ParameterValues } from '@shared/bill/fillParameters';

/** MOU parameters name a side (`us…`, `mx…`) and a role; these roles map to jurisdiction data. */
const MOU_ROLES: Record<string, string> = {
  StateName: 'stateName',
  StateFormalName: 'stateFormalName',
  AgencyName: 'attorneyGeneralOffice',
  OfficialTitle: 'attorneyGeneralTitle',
};

/**
 * The values a variant for `jurisdiction` takes from jurisdiction data. For an MOU, `us…` parameters
 * come from the US party and `mx…` ones from the Mexican party (the variant's jurisdiction, and the
 * optional counterpart). Drafter parameters and unknown facts stay null: visibly unfilled.
 */
export function jurisdictionValues(template: Template | undefined, keys: string[], jurisdiction: Jurisdiction, counterpart?: Jurisdiction): ParameterValues {
  const values: ParameterValues = {};
  const sources = new Map(template?.parameters.map((p) => [p.key, p.source]));
  for (const key of keys) {
    if (sources.get(key) === 'drafter') {
      values[key] = null;
      continue;
    }
    values[key] = lookup(key, jurisdiction, counterpart);
  }
  return values;
}

function lookup(key: string, jurisdiction: Jurisdiction, counterpart?: Jurisdiction): ParameterValue {
  const side = /^(us|mx)([A-Z]\w*)$/.exec(key);
  if (side?.[1] && side[2] && MOU_ROLES[side[2]]) {
    const country = side[1].toUpperCase();
    const party = jurisdiction.country === country ? jurisdiction : counterpart?.country === country ? counterpart : undefined;
    return party ? (party.parameters[MOU_ROLES[side[2]] as string] ?? null) : null;
  }
  return jurisdiction.parameters[key] ?? null;
}
