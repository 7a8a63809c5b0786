import type { Catalog } from '../i18n.ts';

// Settings the organisation pushes by browser policy (chrome.storage.managed).
export const managedCatalog: Catalog = {
  vi: {
    'managed.setByOrganisation': 'Do tổ chức thiết lập',
  },
  en: {
    'managed.setByOrganisation': 'Set by your organisation',
  },
};
