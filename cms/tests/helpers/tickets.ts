/** A valid bs-fault form, with the loose inputs the conventions allow. */
export const bsFaultForm = (overrides: Record<string, unknown> = {}) => ({
  site_name: '浦东张江基站01',
  gnb_id: 123456,
  pci: '387',
  nr_arfcn: 627264,
  band: 'n78',
  fault_type: '小区退服',
  severity: '紧急',
  occurred_at: '2026/11/30 08:15',
  longitude: '121.47°',
  latitude: 31.23,
  reporter_phone: '138 0013 8000',
  description: '小区退服，传输告警',
  ...overrides,
});

export const siteSurveyForm = (overrides: Record<string, unknown> = {}) => ({
  site_name: '徐汇漕河泾站',
  address: '上海市徐汇区宜山路700号',
  longitude: 121.4,
  latitude: 31.17,
  tower_height: '35m',
  antenna_count: 6,
  power_supply: 'grid',
  survey_date: '2026年11月30日',
  surveyor: '王工',
  ...overrides,
});
