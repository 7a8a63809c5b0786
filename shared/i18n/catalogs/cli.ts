import type { Catalog } from '../i18n.ts';

export const cliCatalog: Catalog = {
  vi: {
    'cli.usage': 'Cách dùng: tthc-desk <lệnh> [tuỳ chọn]. Các lệnh: {commands}',
    'cli.unknownCommand': 'Không có lệnh "{command}". Các lệnh: {commands}',
    'cli.unknownFlag': 'Không có tuỳ chọn "{flag}" cho lệnh {command}',
    'cli.missingValue': 'Tuỳ chọn "{flag}" cần một giá trị',
    'cli.noValue': 'Tuỳ chọn "{flag}" không nhận giá trị; chỉ cần ghi {flag}',
    'cli.dashValue': 'Giá trị "{value}" của "{flag}" bắt đầu bằng dấu trừ; nếu đúng ý bạn, hãy viết {flag}={value}',
    'cli.badWholeNumber': 'Tuỳ chọn "{flag}" cần một số nguyên không âm, không phải "{value}"',
    'cli.missingFlag': 'Thiếu tuỳ chọn bắt buộc "{flag}"',
    'cli.unexpectedArgument': 'Đối số thừa "{arg}"',
    'cli.badArguments': 'Đối số không hợp lệ: {detail}',
    'cli.internalError': 'Lỗi nội bộ: {detail}',
  },
  en: {
    'cli.usage': 'Usage: tthc-desk <command> [options]. Commands: {commands}',
    'cli.unknownCommand': 'No command "{command}". Commands: {commands}',
    'cli.unknownFlag': 'No option "{flag}" for command {command}',
    'cli.missingValue': 'Option "{flag}" needs a value',
    'cli.noValue': 'Option "{flag}" takes no value; write just {flag}',
    'cli.dashValue': 'The value "{value}" for "{flag}" starts with a minus sign; if you mean it, write {flag}={value}',
    'cli.badWholeNumber': 'Option "{flag}" needs a whole number of zero or more, not "{value}"',
    'cli.missingFlag': 'Missing required option "{flag}"',
    'cli.unexpectedArgument': 'Unexpected argument "{arg}"',
    'cli.badArguments': 'Invalid arguments: {detail}',
    'cli.internalError': 'Internal error: {detail}',
  },
};
