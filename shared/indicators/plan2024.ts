// The annex of the Quảng Nam 2024 plan (QĐ 467/QĐ-UBND, Phụ lục, khoản 2): eleven rates from
// Nghị quyết 01/NQ-CP and 02/NQ-CP of 05/01/2024, with the targets given to the province, plus the
// on-time dossier rate the extension can measure (Decision 766/QĐ-TTg, no target in the plan).
import type { IndicatorPlan } from './plan.ts';

export const plan2024Indicators: IndicatorPlan = {
  id: 'quang-nam-2024',
  title: 'Phụ lục Kế hoạch kèm QĐ 467/QĐ-UBND ngày 05/3/2024 của UBND tỉnh Quảng Nam',
  year: 2024,
  // Khoản 1 b): "phấn đấu tăng thêm 10%", not below the central target.
  targetRule: { increase: 10, increaseAs: 'points' },
  indicators: [
    {
      id: 'fullProcessOnlineServices',
      name: { vi: 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số TTHC có đủ điều kiện trên Cổng Dịch vụ công quốc gia', en: 'Full-process online services among eligible procedures on the national portal' },
      target: 80,
      basis: 'figures',
    },
    {
      id: 'onlinePayment',
      name: { vi: 'Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công', en: 'Online payments on the national portal among all public-service payments' },
      target: 45,
      basis: 'dossiers.onlinePayment',
    },
    {
      id: 'onlineDossiers',
      name: { vi: 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC', en: 'Online dossiers among all dossiers received' },
      target: 50,
      basis: 'dossiers.online',
    },
    {
      id: 'digitisedDossiers',
      name: { vi: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', en: 'Digitised dossiers and results' },
      target: 80,
      basis: 'figures',
    },
    {
      id: 'electronicResults',
      name: { vi: 'Tỷ lệ cấp kết quả giải quyết TTHC điện tử', en: 'Results issued electronically' },
      target: 100,
      basis: 'figures',
    },
    {
      id: 'electronicCertifiedCopies',
      name: { vi: 'Tỷ lệ thực hiện chứng thực bản sao điện tử từ bản chính tại UBND cấp xã và Phòng Tư pháp cấp huyện', en: 'Electronic certified copies at commune People\'s Committees and district justice offices' },
      target: 100,
      basis: 'figures',
    },
    {
      id: 'digitisedDataReuse',
      name: { vi: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', en: 'Re-use of digitised information and data' },
      target: 50,
      basis: 'figures',
    },
    {
      id: 'onTimePublication',
      name: { vi: 'Tỷ lệ công bố, công khai TTHC đúng hạn', en: 'Procedures published and made public on time' },
      target: 100,
      basis: 'publications.onTime',
    },
    {
      id: 'resultsSyncedToNationalPortal',
      name: { vi: 'Tỷ lệ kết quả xử lý hồ sơ TTHC của Sở, ngành, địa phương được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia', en: 'Dossier results fully synchronised to the national portal' },
      target: 100,
      basis: 'figures',
    },
    {
      id: 'feedbackHandledOnTime',
      name: { vi: 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn', en: 'Citizen feedback handled on time' },
      target: 100,
      basis: 'figures',
    },
    {
      id: 'satisfaction',
      name: { vi: 'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC của người dân, doanh nghiệp', en: 'Satisfaction of citizens and businesses with procedure handling' },
      target: 90,
      basis: 'figures',
    },
    {
      id: 'onTimeDossiers',
      name: { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn (Bộ chỉ số 766, không có chỉ tiêu trong Kế hoạch)', en: 'Dossiers finished on time (Decision 766 index; no target in the plan)' },
      target: null,
      basis: 'dossiers.onTime',
    },
  ],
};
