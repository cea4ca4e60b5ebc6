// The meeting handout: one printed A4 page, in Vietnamese, that an officer brings to a small
// meeting at a market or a home — for a chosen payment month (and province), what a month of
// voluntary social insurance costs at typical incomes for each group and what the State adds,
// what household health insurance costs by rank, and one worked pension example. Every number
// comes from the engine (WebAssembly, on this device); the page holds no legal number.

import { formatMoney, formatMonth, provinceOptions, today } from './app.mjs';

const ENGINE_URL = new URL('../bindings/wasm/pkg/web/bhxh_wasm.js', import.meta.url);

/** The groups of the contribution table, in the order shown. */
export const HANDOUT_CATEGORIES = [
  ['poor', 'Hộ nghèo'],
  ['near_poor', 'Hộ cận nghèo'],
  ['ethnic_minority', 'Dân tộc thiểu số'],
  ['other', 'Đối tượng khác'],
];

/** The worked example: a woman of 40 at the payment month, income 2,000,000, near-poor. */
export function exampleRequest(month, province) {
  const year = Number(month.slice(0, 4)) - 40;
  const r = {
    calculation: 'estimate',
    as_of: `${month}-01`,
    sex: 'female',
    birth_date: `${year}-${month.slice(5, 7)}`,
    income: 2000000,
    categories: ['near_poor'],
  };
  if (province) r.province = province;
  return r;
}

/**
 * The incomes of the table: the floor of the month, then round amounts above it (up to four),
 * each a multiple of the income step.
 */
export function handoutIncomes(floor, step) {
  const round = [2_000_000, 3_000_000, 5_000_000, 10_000_000].map((x) => Math.ceil(x / step) * step);
  return [floor, ...round.filter((x) => x > floor)].slice(0, 4);
}

/** The requests of the handout, all at payment month `month`. */
export function handoutRequests(month, province, incomes) {
  const withProvince = (r) => (province ? { ...r, province } : r);
  const contributions = incomes.map((income) =>
    HANDOUT_CATEGORIES.map(([c]) =>
      withProvince({ calculation: 'contribution', payment_month: month, income, method: 'monthly', categories: [c] }),
    ),
  );
  const household = withProvince({
    calculation: 'health_insurance',
    payment_month: month,
    months: 12,
    members: Array.from({ length: 5 }, () => ({ group: 'self_paying' })),
  });
  const supported = withProvince({
    calculation: 'health_insurance',
    payment_month: month,
    months: 12,
    members: [{ group: 'near_poor', form: 'supported' }, { group: 'student' }],
  });
  return { contributions, household, supported, example: exampleRequest(month, province) };
}

const el = (name, text, cls) => {
  const e = document.createElement(name);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};
const money = (n) => formatMoney(n, 'vi');

function row(cells, head = false) {
  const tr = el('tr');
  cells.forEach((c, i) => {
    const cell = el(head || i === 0 ? 'th' : 'td');
    if (Array.isArray(c)) {
      cell.append(el('span', c[0], 'amount'), el('br'), el('small', c[1]));
    } else {
      cell.textContent = c;
    }
    tr.append(cell);
  });
  return tr;
}

function contributionTable(incomes, answers) {
  const table = el('table', undefined, 'grid');
  table.id = 'handout-contributions';
  table.append(row(['Thu nhập chọn đóng', ...HANDOUT_CATEGORIES.map(([, label]) => label)], true));
  incomes.forEach((income, i) => {
    table.append(
      row([
        money(income),
        ...answers[i].map((r) => [money(r.payable), `hỗ trợ ${money(r.state_support + r.local_support)}`]),
      ]),
    );
  });
  return table;
}

function healthTable(household, supported) {
  const table = el('table', undefined, 'grid');
  table.id = 'handout-health';
  table.append(row(['Người trong hộ', 'Mỗi tháng', 'Cả 12 tháng'], true));
  household.members.forEach((m, i) => {
    table.append(row([i === 4 ? 'Thứ 5 trở đi' : `Người thứ ${i + 1}`, money(m.monthly), money(m.payable)]));
  });
  const [near, student] = supported.members;
  table.append(row(['Hộ cận nghèo (NN hỗ trợ)', money(near.monthly), money(near.payable)]));
  table.append(row(['Học sinh, sinh viên (NN hỗ trợ)', money(student.monthly), money(student.payable)]));
  return table;
}

/** The engine's warnings of all the answers, in Vietnamese, each once. */
function warnings(responses) {
  const seen = new Map();
  for (const r of responses) for (const w of r.warnings ?? []) seen.set(w.code + w.message, w.message_vi);
  return [...seen.values()];
}

/** Fills the sheet for `month` and `province` with the engine's answers. */
export function fillSheet(engine, month, province, catalogue) {
  const run = (r) => JSON.parse(engine.evaluate(JSON.stringify(r)));
  const floorSeries = catalogue.find((p) => p.id === 'rural_poverty_line');
  const stepSeries = catalogue.find((p) => p.id === 'income_step');
  const at = (s) => (s.values.filter((v) => v.from <= month && v.value != null).at(-1) ?? {}).value;
  const incomes = handoutIncomes(at(floorSeries), at(stepSeries));
  const reqs = handoutRequests(month, province, incomes);
  const answers = reqs.contributions.map((line) => line.map(run));
  const household = run(reqs.household);
  const supported = run(reqs.supported);
  const example = run(reqs.example);
  const name = province ? provinceOptions(catalogue).find((p) => p.code === province)?.vi : null;
  const sheet = document.getElementById('sheet');
  const start = example.pension_start ? formatMonth(example.pension_start.slice(0, 7), 'vi') : '—';
  sheet.replaceChildren(
    el('h1', 'BHXH tự nguyện và BHYT hộ gia đình: đóng bao nhiêu, Nhà nước hỗ trợ bao nhiêu'),
    el('p', `Tháng đóng: ${formatMonth(month, 'vi')}${name ? ` — ${name}` : ''}. In ngày ${today().split('-').reverse().join('/')}.`, 'meta'),
    el('h2', 'BHXH tự nguyện: mỗi tháng đóng (22 % thu nhập, trừ phần Nhà nước và địa phương hỗ trợ)'),
    contributionTable(incomes, answers),
    el('p', 'Hỗ trợ = Nhà nước (và tỉnh, nếu có) hỗ trợ, tính trên mức đóng theo chuẩn nghèo nông thôn, tối đa 10 năm; đóng 3, 6, 12 tháng một lần thì nhân số tháng.', 'small'),
    el('h2', 'Bảo hiểm y tế hộ gia đình (4,5 % lương cơ sở, giảm dần từ người thứ hai)'),
    healthTable(household, supported),
    el('h2', 'Ví dụ lương hưu'),
    el(
      'p',
      `Chị 40 tuổi, hộ cận nghèo, chọn thu nhập ${money(reqs.example.income)} và đóng hằng tháng đến tuổi nghỉ hưu: mỗi tháng đóng ${money(example.monthly_payment)}, Nhà nước hỗ trợ ${money(example.state_support_per_month + (example.local_support_per_month ?? 0))}; nghỉ hưu từ ${start}, lương hưu khoảng ${money(example.monthly_pension)} mỗi tháng (theo giá hiện nay), được cấp thẻ BHYT do quỹ BHXH đóng.`,
      'example',
    ),
    el('p', 'Căn cứ: Luật BHXH 41/2024/QH15; Nghị định 159/2025/NĐ-CP (BHXH tự nguyện); Luật BHYT và Nghị định 188/2025/NĐ-CP (BHYT hộ gia đình); nghị quyết của HĐND tỉnh về hỗ trợ thêm (nếu có). Số liệu do bộ tính bhxh tính, mỗi con số có giải thích và trích dẫn trên trang ước tính.', 'small'),
    ...warnings([...answers.flat(), household, supported, example]).map((w) => el('p', `Lưu ý: ${w}`, 'small')),
    el('p', `Tính thử cho gia đình bạn: ${location.href.split('#')[0].replace(/handout\.html.*$/, 'index.html')}`, 'small link'),
    el('p', 'Ước tính, không thay thế quyết định của cơ quan BHXH.', 'small'),
  );
  document.documentElement.dataset.ready = 'true';
  return { incomes, answers, household, supported, example };
}

async function start() {
  const engine = await import(ENGINE_URL.href);
  await engine.default();
  const catalogue = JSON.parse(engine.parameters());
  const q = new URLSearchParams(location.search);
  const monthInput = document.getElementById('month');
  const provinceSelect = document.getElementById('province');
  for (const p of provinceOptions(catalogue).filter((x) => !x.mergedInto)) {
    const o = document.createElement('option');
    o.value = p.code;
    o.textContent = p.vi;
    provinceSelect.append(o);
  }
  const month = /^\d{4}-\d{2}$/.test(q.get('month') ?? '') ? q.get('month') : today().slice(0, 7);
  monthInput.value = month;
  provinceSelect.value = q.get('province') ?? '';
  const refresh = () => {
    const m = /^\d{4}-\d{2}$/.test(monthInput.value) ? monthInput.value : today().slice(0, 7);
    const p = provinceSelect.value || undefined;
    try {
      window.bhxhHandout = fillSheet(engine, m, p, catalogue);
    } catch (e) {
      document.getElementById('sheet').replaceChildren(el('p', e?.message_vi ?? String(e), 'error'));
    }
  };
  monthInput.addEventListener('change', refresh);
  provinceSelect.addEventListener('change', refresh);
  document.getElementById('print').addEventListener('click', () => window.print());
  refresh();
}

if (typeof document !== 'undefined' && document.getElementById('sheet')) void start();
