import type { Catalog } from '../i18n.ts';

// Messages of `npm start` (scripts/start.ts, scripts/local-services.ts).
export const startCatalog: Catalog = {
  vi: {
    'start.portInUse': 'Cổng {port} đang có chương trình khác dùng; hãy dừng chương trình đó hoặc chọn cổng khác, ví dụ {variable}={suggestion} npm start (cổng này đang trống)',
    'start.badPort': 'Biến môi trường {name}="{value}" không phải cổng hợp lệ (số từ 0 đến 65534)',
    'start.noExtension': 'Không thấy tiện ích đã đóng gói ở {dir} (thiếu manifest.json)',
    'start.buildFailed': 'Không đóng gói được tiện ích (xem lỗi ở trên).',
  },
  en: {
    'start.portInUse': 'Port {port} is used by another program; stop it or choose another port, e.g. {variable}={suggestion} npm start (that port is free now)',
    'start.badPort': 'The environment variable {name}="{value}" is not a valid port (a number from 0 to 65534)',
    'start.noExtension': 'No built extension at {dir} (manifest.json is missing)',
    'start.buildFailed': 'The extension did not build (see the error above).',
  },
};
