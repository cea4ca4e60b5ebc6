// The estimator page's pure helpers (www/app.mjs) under Node, without the engine:
// formatting, the `estimate` request built from the form, the share link, the chart's
// incomes and the dictionary.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
  CHOICES,
  DEFAULT_INPUTS,
  STRINGS,
  asContractError,
  buildRequest,
  chartIncomes,
  incomeStep,
  isEngineFailure,
  provinceOptions,
  decodeHash,
  encodeHash,
  formatAge,
  formatDuration,
  formatMillions,
  formatMoney,
  formatMonth,
  formatRate,
  today,
} from '../../../www/app.mjs';
import {
  FAMILY_STRINGS,
  decodeFamily,
  encodeFamily,
  familyBill,
  familyRequests,
  healthGroups,
  newMember,
} from '../../../www/family.mjs';

test('money: dots and "đ" in Vietnamese, commas and "VND" in English', () => {
  assert.equal(formatMoney(1500000, 'vi'), '1.500.000 đ');
  assert.equal(formatMoney(1500000, 'en'), '1,500,000 VND');
  assert.equal(formatMoney(0, 'vi'), '0 đ');
  assert.equal(formatMoney(999, 'vi'), '999 đ');
  assert.equal(formatMoney(1000, 'en'), '1,000 VND');
  assert.equal(formatMoney(-35200, 'vi'), '-35.200 đ');
  assert.equal(formatMoney(1234567890123, 'vi'), '1.234.567.890.123 đ');
  assert.equal(formatMoney(undefined, 'vi'), '—');
});

test('rates, ages, durations, months', () => {
  assert.equal(formatRate('0.52', 'vi'), '52%');
  assert.equal(formatRate('0.565', 'vi'), '56,5%');
  assert.equal(formatRate('0.565', 'en'), '56.5%');
  assert.equal(formatAge({ years: 66, months: 0 }, 'vi'), '66 tuổi');
  assert.equal(formatAge({ years: 56, months: 4 }, 'vi'), '56 tuổi 4 tháng');
  assert.equal(formatAge({ years: 56, months: 1 }, 'en'), '56 years 1 month');
  assert.equal(formatDuration(218, 'vi'), '18 năm 2 tháng');
  assert.equal(formatDuration(12, 'en'), '1 year');
  assert.equal(formatMonth('2045-02-01', 'vi'), 'tháng 2/2045');
  assert.equal(formatMonth('2045-02', 'en'), 'February 2045');
  assert.equal(formatMillions(1500000, 'vi'), '1,5 tr');
  assert.equal(formatMillions(10000000, 'en'), '10M');
  assert.equal(today(new Date(2026, 10, 28)), '2026-11-28');
});

test('the estimate request built from the form', () => {
  const inputs = {
    ...DEFAULT_INPUTS,
    birth: '1985',
    income: '2000000',
    category: 'near_poor',
    province: 'hue',
  };
  assert.deepEqual(buildRequest(inputs, '2026-11-28'), {
    request: {
      calculation: 'estimate',
      as_of: '2026-11-28',
      sex: 'female',
      birth_date: '1985',
      income: 2000000,
      categories: ['near_poor'],
      province: 'hue',
      method: 'monthly',
    },
  });
  const advance = buildRequest(
    { ...inputs, method: 'advance', advanceYears: '3', years: '20', province: 'none' },
    '2026-11-28',
  ).request;
  assert.equal(advance.months, 36);
  assert.equal(advance.contribution_years, 20);
  assert.ok(!('province' in advance));
  assert.ok(!('province' in buildRequest({ ...inputs, province: 'other' }, '2026-11-28').request));
  // An empty birth date computes the example (the placeholder year).
  assert.equal(buildRequest({ ...inputs, birth: ' ' }, '2026-11-28').request.birth_date, '1985');
  // Client-side problems come in the contract's error shape, in both languages.
  const missing = buildRequest({ ...inputs, income: '' }, '2026-11-28').error;
  assert.equal(missing.field, 'income');
  assert.ok(missing.message && missing.message_vi && missing.message !== missing.message_vi);
  assert.equal(buildRequest(inputs, '2026-11-28', { incomeBad: true }).error.code, 'invalid_money');
});

test('the share link round-trips and ignores damaged values', () => {
  const inputs = {
    sex: 'female', birth: '1985', income: '2000000', category: 'near_poor',
    province: 'hue', years: '', method: 'monthly', advanceYears: '5',
  };
  const hash = encodeHash(inputs, 'vi');
  assert.equal(hash, 's=female&b=1985&i=2000000&c=near_poor&p=hue&y=&m=monthly&l=vi');
  const back = decodeHash(`#${hash}`);
  assert.equal(back.lang, 'vi');
  for (const k of ['sex', 'birth', 'income', 'category', 'province', 'years', 'method']) {
    assert.equal(back.inputs[k], inputs[k], k);
  }
  const adv = decodeHash(`#${encodeHash({ ...inputs, method: 'advance', advanceYears: '4' }, 'en')}`);
  assert.equal(adv.inputs.advanceYears, '4');
  assert.equal(adv.lang, 'en');
  assert.deepEqual(decodeHash('#s=robot&c=rich&b=<script>&i=1e9x&m=weekly&l=fr'), { inputs: {} });
  assert.deepEqual(decodeHash(''), { inputs: {} });
});

test('a trap of the engine is told apart from a contract error', () => {
  assert.equal(isEngineFailure(new WebAssembly.RuntimeError('unreachable')), true);
  assert.equal(isEngineFailure({ code: 'income_below_floor' }), false);
  assert.equal(isEngineFailure(new Error('other')), false);
});

test('the income step comes from the parameter catalogue', () => {
  const catalogue = [
    { id: 'income_step', values: [{ from: '2016-01', value: 50000 }, { from: '2030-01', value: 100000 }] },
  ];
  assert.equal(incomeStep(catalogue, '2026-11'), 50000);
  assert.equal(incomeStep(catalogue, '2030-02'), 100000);
  assert.equal(incomeStep([], '2026-11'), 1);
});

test('the province list comes from the engine\'s data: 34 provinces, then the former ones', async () => {
  const { createRequire } = await import('node:module');
  const engine = createRequire(import.meta.url)('../pkg/node/bhxh_wasm.js');
  const list = provinceOptions(JSON.parse(engine.parameters()));
  const current = list.filter((p) => !p.mergedInto);
  assert.equal(current.length, 34);
  assert.ok(list.length > 34 && list.slice(34).every((p) => p.mergedInto));
  const byCode = Object.fromEntries(list.map((p) => [p.code, p]));
  for (const c of ['ha_noi', 'ho_chi_minh', 'ninh_binh', 'nghe_an', 'khanh_hoa', 'quang_ninh', 'hai_phong', 'vinh_phuc']) {
    assert.ok(byCode[c].topUp, c);
  }
  assert.equal(byCode.hue.topUp, false);
  assert.equal(byCode.vinh_phuc.mergedInto, 'phu_tho');
  assert.equal(byCode.ha_noi.vi, 'Thành phố Hà Nội');
  assert.deepEqual(provinceOptions([]), []);
});

test('the family bill: one health-insurance request, one contribution per SI member, sums from the engine', async () => {
  const { createRequire } = await import('node:module');
  const engine = createRequire(import.meta.url)('../pkg/node/bhxh_wasm.js');
  const run = (r) => JSON.parse(engine.evaluate(JSON.stringify(r)));
  const members = [
    { group: 'self_paying', si: true, income: '2000000', category: 'near_poor' },
    { group: 'ha_noi_age_70_74', si: false, income: '', category: 'other' },
    newMember(),
  ];
  const reqs = familyRequests({ members, months: '12', province: 'ha_noi', paymentMonth: '2026-08' });
  assert.deepEqual(reqs.health.members, [{ group: 'self_paying' }, { group: 'ha_noi_age_70_74' }, { group: 'self_paying' }]);
  assert.equal(reqs.si.length, 1);
  assert.deepEqual(reqs.si[0].request, {
    calculation: 'contribution', payment_month: '2026-08', income: 2000000, method: 'every_12_months',
    categories: ['near_poor'], province: 'ha_noi',
  });
  const health = run(reqs.health);
  const si = reqs.si.map(({ index, request }) => ({ index, response: run(request) }));
  const bill = familyBill(health, si, members.length);
  // Health insurance 2026-08 at 2,530,000: 113,850 (rank 1) + 0 (Hanoi pays the grandmother)
  // + 79,695 (rank 2) a month; voluntary SI near-poor at 2,000,000 every 12 months in Hanoi:
  // 12 × (440,000 − 40 % × 330,000 − 60 % × 330,000) = 12 × 110,000 = 1,320,000.
  assert.equal(health.total_payable, (113850 + 79695) * 12);
  assert.equal(si[0].response.payable, 1320000);
  assert.equal(bill.total, (113850 + 79695) * 12 + 1320000);
  assert.equal(bill.rows[0].total, 113850 * 12 + 1320000);
  assert.equal(bill.rows[1].hi.local, 113850 * 12);
  assert.equal(bill.local, 113850 * 12 + 12 * 198000);
  assert.equal(bill.state, 12 * 132000);
});

test('the family share-link value round-trips and drops damaged members', () => {
  const members = [
    { group: 'self_paying', si: true, income: '2000000', category: 'near_poor' },
    { group: 'student', si: false, income: '', category: 'other' },
  ];
  assert.deepEqual(decodeFamily(encodeFamily(members)), members);
  assert.deepEqual(decodeFamily('Bad.1.2.x-student.1.abc.poor-near_poor.1.1500000.rich'), [
    { group: 'student', si: false, income: '', category: 'other' },
    { group: 'near_poor', si: false, income: '', category: 'other' },
  ]);
  assert.deepEqual(decodeFamily(''), []);
  assert.equal(decodeFamily(Array(30).fill('student.0..').join('-')).length, 20);
  const hash = encodeHash({ ...DEFAULT_INPUTS }, 'vi', { members, months: '6' });
  assert.deepEqual(decodeHash(hash).family, { members, months: '6' });
  assert.equal(decodeHash(encodeHash({ ...DEFAULT_INPUTS }, 'vi')).family, undefined);
});

test('health-insurance groups come from the data, the province\'s own after the national ones', async () => {
  const { createRequire } = await import('node:module');
  const engine = createRequire(import.meta.url)('../pkg/node/bhxh_wasm.js');
  const catalogue = JSON.parse(engine.parameters());
  const national = healthGroups(catalogue, undefined, '2026-08');
  assert.ok(national.some((g) => g.code === 'self_paying') && national.every((g) => !g.local));
  const hanoi = healthGroups(catalogue, 'ha_noi', '2026-08');
  assert.ok(hanoi.some((g) => g.code === 'ha_noi_age_70_74' && g.local && g.vi && g.en));
  assert.equal(hanoi.length > national.length, true);
  for (const lang of ['vi', 'en']) {
    for (const k of Object.keys(FAMILY_STRINGS.vi)) assert.ok(FAMILY_STRINGS[lang][k], `${lang}.${k}`);
  }
});

test('the handout: incomes from the floor on the step, requests at the chosen month', async () => {
  const { handoutIncomes, handoutRequests, exampleRequest } = await import('../../../www/handout.mjs');
  assert.deepEqual(handoutIncomes(1500000, 50000), [1500000, 2000000, 3000000, 5000000]);
  assert.deepEqual(handoutIncomes(2200000, 50000), [2200000, 3000000, 5000000, 10000000]);
  // Round amounts go up to the step; one that falls below the floor is left out (2,100,000).
  assert.deepEqual(handoutIncomes(2200000, 300000), [2200000, 3000000, 5100000, 10200000]);
  const r = handoutRequests('2026-08', 'ha_noi', [1500000]);
  assert.equal(r.contributions[0].length, 4);
  assert.deepEqual(r.contributions[0][1], {
    calculation: 'contribution', payment_month: '2026-08', income: 1500000, method: 'monthly', categories: ['near_poor'], province: 'ha_noi',
  });
  assert.equal(r.household.members.length, 5);
  assert.deepEqual(exampleRequest('2026-08'), {
    calculation: 'estimate', as_of: '2026-08-01', sex: 'female', birth_date: '1986-08', income: 2000000, categories: ['near_poor'],
  });
});

test('chart incomes: on the step, from the floor, about eight of them', () => {
  const xs = chartIncomes(1500000, 50600000, 2000000, 50000);
  assert.equal(xs[0], 1500000);
  assert.equal(xs.at(-1), 10000000);
  assert.ok(xs.length >= 7 && xs.length <= 8, xs.join());
  assert.ok(xs.every((x) => x % 50000 === 0));
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  // A high income moves the top of the axis above it, never past the ceiling.
  assert.ok(chartIncomes(1500000, 50600000, 20000000, 50000).at(-1) >= 20000000);
  assert.equal(chartIncomes(1500000, 50600000, 50600000, 50000).at(-1), 50600000);
});

test('engine errors in any shape become the contract error object', () => {
  const e = Object.assign(new Error('income below'), {
    code: 'income_below_floor', field: 'income', message_vi: 'Thu nhập thấp hơn',
  });
  assert.deepEqual(asContractError(e), {
    code: 'income_below_floor', field: 'income', message: 'income below', message_vi: 'Thu nhập thấp hơn',
  });
  const fromText = asContractError('{"error":{"code":"malformed_json","message":"x","message_vi":"y"}}');
  assert.equal(fromText.code, 'malformed_json');
  assert.equal(asContractError(new TypeError('boom')).code, 'internal_error');
});

test('every string exists in both languages', () => {
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.vi).sort());
  for (const lang of ['vi', 'en']) {
    for (const [k, v] of Object.entries(STRINGS[lang])) assert.ok(v.trim(), `${lang}.${k}`);
  }
  for (const c of CHOICES.category) assert.ok(STRINGS.vi[`cat_${c}`] && STRINGS.en[`cat_${c}`]);
  for (const p of CHOICES.province) assert.ok(STRINGS.vi[`prov_${p}`] && STRINGS.en[`prov_${p}`]);
  for (const m of CHOICES.method) assert.ok(STRINGS.vi[`m_${m}`] && STRINGS.en[`m_${m}`]);
  assert.equal(STRINGS.vi.disclaimer, 'Ước tính, không thay thế quyết định của cơ quan BHXH.');
});
