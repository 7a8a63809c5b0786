import { describe, expect, it } from 'vitest';
import { dossierPhase, withUnitNames } from './phase.ts';

describe('dossier phase from status names', () => {
  it.each([
    ['Đã hủy', 'closed'], ['Đã huỷ', 'closed'], ['Hủy hồ sơ', 'closed'], ['Công dân rút hồ sơ', 'closed'], ['Từ chối giải quyết', 'closed'],
    ['Không đủ điều kiện', 'closed'], ['Trả lại hồ sơ', 'closed'],
    ['Yêu cầu bổ sung giấy tờ', 'paused'], ['Chờ bổ sung hồ sơ', 'paused'], ['Yêu cầu thanh toán', 'paused'], ['Tạm dừng xử lý', 'paused'], ['Dừng xử lý', 'paused'],
    ['Đang xử lý', 'active'], ['Đã trả kết quả', 'active'], ['Đã thanh toán', 'active'], ['Mới đăng ký', 'active'],
  ] as const)('"%s" is %s', (status, phase) => {
    expect(dossierPhase({ status })).toBe(phase);
  });

  it('reads names in NFD, any case and spacing', () => {
    expect(dossierPhase({ status: '  ĐÃ   HỦY '.normalize('NFD') })).toBe('closed');
    expect(dossierPhase({ status: 'tạm DỪNG'.normalize('NFD') })).toBe('paused');
  });

  it('reads the step status when the dossier status says nothing, and closed wins over paused', () => {
    expect(dossierPhase({ status: 'Đang xử lý', stepStatus: 'Yêu cầu bổ sung giấy tờ' })).toBe('paused');
    expect(dossierPhase({ status: 'Đã hủy', stepStatus: 'Yêu cầu bổ sung giấy tờ' })).toBe('closed');
    expect(dossierPhase({ status: null, stepStatus: null })).toBe('active');
  });

  it('takes the names a unit adds, for every portal', () => {
    const rules = withUnitNames({ paused: ['Chờ ý kiến'], closed: ['Kết thúc không giải quyết'] });
    expect(dossierPhase({ status: 'Chờ ý kiến cơ quan phối hợp' }, rules)).toBe('paused');
    expect(dossierPhase({ status: 'kết thúc KHÔNG giải quyết', site: 'dvcqg' }, rules)).toBe('closed');
    expect(dossierPhase({ status: 'Chờ ý kiến cơ quan phối hợp' })).toBe('active');
  });
});
