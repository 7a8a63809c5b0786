// One captured dossier as the database holds it, index fields included (derived after the patch,
// as the background's store does), for the tests of the dossier panel (unit tests here and the
// browser tests e2e/panels.e2e.ts, e2e/notifications.e2e.ts): each test patches only the fields it is about.
import type { StoredDossier } from '../../../db/database.ts';
import { withIndexFields } from '../../../db/dossierIndex.ts';

export function sampleDossier(code: string, patch: Partial<StoredDossier> = {}): StoredDossier {
  return withIndexFields({
    code,
    portalId: null,
    site: 'igate',
    procedureCode: '1.001612',
    procedureName: 'Cấp giấy phép xây dựng',
    agency: 'Sở Xây dựng',
    agencyCode: '000.00.53.H48',
    status: 'Đang xử lý',
    statusId: null,
    acceptedAt: '2024-03-01T08:00:00+07:00',
    appointmentAt: '2024-03-15T17:00:00+07:00',
    returnedAt: null,
    completedAt: null,
    agencyLevel: null,
    sectorCode: null,
    sectorName: null,
    stepStatus: null,
    nationCode: null,
    stepDueAt: null,
    processingTime: null,
    channel: 'online',
    paidOnline: null,
    firstSeenAt: '2024-03-01T09:00:00+07:00',
    lastSeenAt: '2024-03-01T09:00:00+07:00',
    ...patch,
  });
}
