// The browser's permission for portal hosts the officer adds in options.
import type { Catalog } from '../i18n.ts';

export const portalAccessCatalog: Catalog = {
  vi: {
    'portalAccess.title': 'Quyền chạy trên các cổng đã thêm',
    'portalAccess.granted': 'Đã cho phép',
    'portalAccess.refused': 'Trình duyệt chưa cho phép: tthc-desk chưa chạy trên cổng này',
    'portalAccess.ask': 'Xin quyền lại',
  },
  en: {
    'portalAccess.title': 'Access to the portals you added',
    'portalAccess.granted': 'Allowed',
    'portalAccess.refused': 'Not allowed by the browser: tthc-desk does not run on this portal yet',
    'portalAccess.ask': 'Ask again',
  },
};
