import type { TicketState } from '../tickets/workflow';

/** A small deterministic PRNG (mulberry32) so a demo data set can be reproduced. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    round: (min: number, max: number, digits: number) => Number((min + next() * (max - min)).toFixed(digits)),
  };
}
export type Random = ReturnType<typeof createRandom>;

const DISTRICTS = ['浦东', '徐汇', '静安', '黄浦', '长宁', '普陀', '虹口', '杨浦', '闵行', '宝山', '嘉定', '金山', '松江', '青浦', '奉贤', '崇明'];
const PLACES = ['张江', '陆家嘴', '金桥', '漕河泾', '徐家汇', '南京西路', '外滩', '中山公园', '真如', '北外滩', '五角场', '莘庄', '大场', '安亭', '石化', '佘山', '朱家角', '南桥', '城桥', '世纪公园', '虹桥枢纽', '临港'];
const ROADS = ['世纪大道', '宜山路', '南京西路', '中山北路', '四平路', '沪闵路', '曹安公路', '人民路', '浦东大道', '延安西路'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '敏', '静', '磊', '强', '洋', '艳', '杰', '军'];

/** NR-ARFCN ranges per band (3GPP TS 38.104), so every demo ARFCN fits its band. */
const BANDS: [string, number, number][] = [
  ['n1', 422000, 434000],
  ['n3', 361000, 376000],
  ['n28', 151600, 160600],
  ['n41', 499200, 537999],
  ['n77', 620000, 680000],
  ['n78', 620000, 653333],
  ['n79', 693334, 733333],
];
const FAULTS = ['site_outage', 'cell_down', 'interference', 'transmission', 'power', 'other'] as const;
const FAULT_TEXT: Record<(typeof FAULTS)[number], string> = {
  site_outage: '基站断站，全部小区不可用',
  cell_down: '小区退服，用户无法接入',
  interference: '上行干扰抬升，底噪偏高',
  transmission: '传输中断，光路告警',
  power: '市电停电，蓄电池告警',
  other: '网管上报异常告警，待现场核查',
};
/** Roughly how tickets spread over the state machine in a live system. */
const STATES: [TicketState, number][] = [
  ['draft', 0.1],
  ['submitted', 0.15],
  ['in_progress', 0.2],
  ['resolved', 0.15],
  ['closed', 0.35],
  ['rejected', 0.05],
];

export interface DemoTicket {
  type: 'bs-fault' | 'site-survey';
  state: TicketState;
  form: Record<string, unknown>;
  createdAt: Date;
}

function pickState(random: Random): TicketState {
  let r = random.next();
  for (const [state, weight] of STATES) {
    if ((r -= weight) < 0) return state;
  }
  return 'closed';
}

const siteName = (random: Random) => `${random.pick(DISTRICTS)}${random.pick(PLACES)}${random.int(1, 99)}号${random.pick(['基站', '站', '宏站', '室分站'])}`;
const phone = (random: Random) => `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999999999)).padStart(9, '0')}`;
const person = (random: Random) => `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.next() < 0.5 ? random.pick(GIVEN) : ''}`;

/** One realistic demo ticket: Shanghai sites, valid PCI/ARFCN/coordinates, a plausible state. */
export function demoTicket(random: Random, nowMs: number, format: (ms: number) => string): DemoTicket {
  // at least two hours ago, so that creation (up to two hours later) is not in the future
  const happenedMs = Math.floor((nowMs - random.int(120, 180 * 24 * 60) * 60_000) / 1000) * 1000;
  const happened = format(happenedMs);
  const createdAt = new Date(happenedMs + random.int(1, 120) * 60_000);
  const longitude = random.round(121.0, 121.95, 6);
  const latitude = random.round(30.7, 31.5, 6);
  if (random.next() < 0.75) {
    const [band, low, high] = random.pick(BANDS);
    const fault = random.pick(FAULTS);
    return {
      type: 'bs-fault',
      state: pickState(random),
      createdAt,
      form: {
        site_name: siteName(random),
        gnb_id: random.int(100000, 9999999),
        pci: random.int(0, 1007),
        nr_arfcn: random.int(low, high),
        band,
        fault_type: fault,
        severity: random.pick(['critical', 'major', 'major', 'minor', 'minor', 'minor']),
        occurred_at: happened,
        longitude,
        latitude,
        reporter_phone: phone(random),
        description: FAULT_TEXT[fault],
      },
    };
  }
  return {
    type: 'site-survey',
    state: pickState(random),
    createdAt,
    form: {
      site_name: siteName(random),
      address: `上海市${random.pick(DISTRICTS)}区${random.pick(ROADS)}${random.int(1, 2000)}号`,
      longitude,
      latitude,
      tower_height: random.round(15, 60, 1),
      antenna_count: random.int(3, 12),
      power_supply: random.pick(['grid', 'grid', 'grid', 'generator', 'solar']),
      survey_date: happened.slice(0, 10),
      surveyor: person(random),
    },
  };
}
