// The "what will I get?" estimator for voluntary social insurance (BHXH tự nguyện).
//
// Everything is computed on this device by the bhxh engine compiled to WebAssembly: the page
// builds an `estimate` request from the form on every input, shows the response, draws the
// pension-against-income chart with its own SVG code, and explains each number with the
// engine's cited trace. No request leaves the origin; a service worker keeps the page and the
// engine available offline after the first visit.
//
// The pure helpers (formatting, the request, the share link) are exported so the tests can
// use exactly what the page uses; the page itself starts only when there is a document.

import { FAMILY_PERIODS, FAMILY_STRINGS, decodeFamily, encodeFamily, mountFamily } from './family.mjs';

/** The engine: the wasm-bindgen web build, loaded in `start()`. */
const ENGINE_URL = new URL('../bindings/wasm/pkg/web/bhxh_wasm.js', import.meta.url);

/**
 * The contribution income step of decision K-3 in force in `month` (`YYYY-MM`), read from the
 * engine's parameter catalogue (`income_step`): the page holds no legal number of its own.
 */
export function incomeStep(catalogue, month) {
  const series = catalogue.find((p) => p.id === 'income_step');
  const inForce = (series?.values ?? []).filter((v) => v.from <= month && v.value != null);
  return inForce.length ? inForce.at(-1).value : 1;
}
/**
 * The provinces of the engine's top-up data (`local_support`): the 34 current provinces and
 * cities, then the former provinces merged into them from 2025-07, each sorted by its
 * Vietnamese name; `topUp` when the data holds a top-up for it in any month.
 * @returns {{ code: string, vi: string, en: string, topUp: boolean, mergedInto?: string }[]}
 */
export function provinceOptions(catalogue) {
  const data = catalogue.find((p) => p.id === 'local_support');
  const list = Object.entries(data?.provinces ?? {}).map(([code, p]) => ({
    code,
    vi: p.name_vi,
    en: p.name_en,
    topUp: (p.values ?? []).some((v) => v.value != null && Object.values(v.value).some((x) => Number(x) > 0)),
    ...(p.merged_into ? { mergedInto: p.merged_into } : {}),
  }));
  // By the name without diacritics: plain comparison (a collator costs tens of milliseconds
  // on a slow phone) and "Hà Nội" and "Huế" are not split by "Thành phố" / "Tỉnh".
  const byName = (a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0);
  return [
    ...list.filter((p) => !p.mergedInto).sort(byName),
    ...list.filter((p) => p.mergedInto).sort(byName),
  ];
}

/** The example shown before a birth year is typed (the placeholder). */
export const EXAMPLE_BIRTH = '1985';
/** The top of the chart's income axis unless the chosen income is higher. */
const CHART_TOP = 10_000_000;
/** Points on the chart. */
const CHART_POINTS = 8;
/** Delay before an input error is shown while typing (valid inputs update at once). */
const ERROR_DELAY_MS = 350;
/** Delay before the chart is recomputed after the last input. */
const CHART_DELAY_MS = 120;
/** Delay before screen readers are told the new key numbers. */
const LIVE_DELAY_MS = 1000;

// ---------------------------------------------------------------------------------------
// Every visible string, in Vietnamese and English. `{name}` marks a value filled in.

export const STRINGS = {
  vi: {
    lang_switch: 'English',
    title: 'Ước tính BHXH tự nguyện',
    lead: 'Bạn đóng bao nhiêu, Nhà nước hỗ trợ bao nhiêu, và lương hưu sau này khoảng bao nhiêu.',
    sex: 'Giới tính',
    sex_female: 'Nữ',
    sex_male: 'Nam',
    birth: 'Năm sinh',
    birth_hint: 'Năm (1985), hoặc năm-tháng (1985-07), hoặc đủ ngày (1985-07-15).',
    income: 'Thu nhập tháng làm căn cứ đóng BHXH (đồng)',
    income_range: 'Từ {floor} đến {ceiling}, là bội số của {step}.',
    category: 'Đối tượng',
    cat_other: 'Đối tượng khác',
    cat_poor: 'Người thuộc hộ nghèo',
    cat_near_poor: 'Người thuộc hộ cận nghèo',
    cat_ethnic_minority: 'Người dân tộc thiểu số',
    cat_island_or_special_zone: 'Người sống ở xã đảo, đặc khu',
    province: 'Tỉnh, thành phố (ngân sách địa phương hỗ trợ thêm)',
    prov_none: 'Không chọn',
    prov_ha_noi: 'Hà Nội',
    prov_hue: 'Huế',
    prov_ho_chi_minh: 'TP. Hồ Chí Minh',
    prov_other: 'Tỉnh, thành phố khác',
    prov_current: 'Tỉnh, thành phố (từ 01/7/2025)',
    prov_former: 'Tỉnh cũ (trước 01/7/2025, đã hợp nhất)',
    prov_merged: ' (nay thuộc {into})',
    prov_top_up: ' — có hỗ trợ thêm',
    years: 'Số năm sẽ đóng',
    years_placeholder: 'Đến tuổi nghỉ hưu',
    years_hint: 'Để trống: đóng đến tuổi nghỉ hưu.',
    method: 'Phương thức đóng',
    m_monthly: 'Đóng hằng tháng',
    m_every_3_months: '03 tháng một lần',
    m_every_6_months: '06 tháng một lần',
    m_every_12_months: '12 tháng một lần',
    m_advance: 'Đóng một lần nhiều năm về sau',
    advance_years: 'Số năm đóng trước',
    results_title: 'Kết quả ước tính',
    loading: 'Đang tải bộ tính…',
    r_payment: 'Bạn đóng mỗi tháng',
    r_pension: 'Lương hưu hằng tháng',
    r_support: 'Nhà nước hỗ trợ mỗi tháng',
    r_start: 'Thời điểm hưởng lương hưu',
    r_total: 'Tổng số tiền bạn đóng',
    r_break_even: 'Nhận lại đủ số đã đóng ở tuổi',
    r_break_even_note:
      'Từ tuổi này, tổng lương hưu đã nhận nhiều hơn tổng số tiền bạn đã đóng (theo giá hiện tại).',
    r_lump: 'Nếu nhận BHXH một lần thay cho lương hưu',
    r_family: 'Trợ cấp mai táng cho gia đình',
    r_family_note:
      'Nếu người tham gia qua đời, người lo mai táng được nhận trợ cấp mai táng; thân nhân còn có thể nhận trợ cấp tuất một lần tính theo thời gian đã đóng.',
    r_health: 'Thẻ bảo hiểm y tế',
    hi_yes: 'Khi hưởng lương hưu, bạn được cấp thẻ bảo hiểm y tế miễn phí.',
    hi_no: 'Theo dự tính này, bạn không được cấp thẻ bảo hiểm y tế miễn phí.',
    payment_note_monthly: 'Đóng 22% thu nhập, đã trừ phần được hỗ trợ.',
    payment_note_period: 'Lần đóng đầu cho {months} tháng: {amount}.',
    support_split: 'Nhà nước {state} + địa phương {local}.',
    support_total: 'Tổng hỗ trợ cả quá trình: {total} (tối đa 120 tháng).',
    pension_note: 'Tỷ lệ hưởng {rate} × mức bình quân thu nhập {average}; theo giá hiện tại.',
    pension_nominal: 'Tính theo giá năm bắt đầu hưởng: {amount}.',
    not_eligible: 'Chưa đủ điều kiện hưởng lương hưu',
    reason_insufficient_contribution_months: 'chưa đủ 15 năm (180 tháng) đóng BHXH',
    reason_not_yet_eligible: 'chưa đến thời điểm hưởng lương hưu',
    start_note: 'Đủ tuổi nghỉ hưu {age} vào {month}.',
    total_note: 'Trong {duration}; Nhà nước và địa phương hỗ trợ thêm {support}.',
    lump_note: 'Giả định lý do: {reason}. Đã nhận một lần thì không còn lương hưu.',
    lump_emigration: 'ra nước ngoài để định cư',
    lump_serious_illness: 'mắc bệnh hiểm nghèo',
    lump_severe_disability: 'bị khuyết tật đặc biệt nặng',
    lump_retirement_age_without_pension: 'đủ tuổi nghỉ hưu mà chưa đủ điều kiện hưởng lương hưu',
    lump_stopped_12_months: 'sau 12 tháng không đóng',
    never: 'Không đạt trong dự tính',
    none: '—',
    age: '{years} tuổi',
    age_months: '{years} tuổi {months} tháng',
    duration: '{years} năm',
    duration_months: '{years} năm {months} tháng',
    month: 'tháng {m}/{y}',
    methods_title: 'So sánh các phương thức đóng',
    methods_method: 'Phương thức',
    methods_total: 'Tổng số tiền đóng',
    methods_saving: 'Tiết kiệm so với đóng hằng tháng',
    chart_title: 'Lương hưu theo mức thu nhập chọn đóng',
    chart_hint:
      'Các điểm tính với cùng thông tin của bạn, chỉ đổi thu nhập. Điểm đậm là lựa chọn của bạn.',
    chart_desc:
      'Thu nhập từ {x0} đến {x1} cho lương hưu từ {y0} đến {y1} mỗi tháng. Với thu nhập của bạn ({xu}): {yu}.',
    chart_x: 'Thu nhập chọn đóng',
    chart_y: 'Lương hưu/tháng',
    chart_you: 'Bạn',
    chart_empty: 'Với thông tin này chưa có lương hưu để vẽ biểu đồ.',
    million: 'tr',
    explain_title: 'Vì sao có các con số này? (căn cứ pháp lý)',
    warnings_title: 'Lưu ý',
    no_warnings: 'Không có.',
    assumptions_title: 'Giả định của dự tính',
    assumptions_text:
      'Dự tính theo giá hiện tại: thu nhập các năm sau được giữ nguyên, các tham số pháp luật giữ giá trị hiện hành trừ những thay đổi đã được ban hành (quy ước K-17).',
    confidence: 'độ tin cậy {grade}',
    receipt: 'Bộ tính phiên bản {version} · bộ tham số {hash}',
    share: 'Chia sẻ liên kết',
    share_url: 'Liên kết đến ước tính này',
    share_copied: 'Đã sao chép liên kết.',
    share_manual: 'Hãy sao chép liên kết bên dưới.',
    print: 'In bản tóm tắt',
    bar: 'Đóng {payment}/tháng · Lương hưu {pension}/tháng',
    print_title: 'Tóm tắt ước tính BHXH tự nguyện',
    print_date: 'Ngày lập: {date}',
    print_inputs: 'Thông tin đã nhập',
    print_results: 'Kết quả',
    print_basis: 'Căn cứ tính',
    print_link: 'Mở lại ước tính này:',
    example_note: 'Chưa nhập năm sinh: đang tính ví dụ cho người sinh năm {year}.',
    error_income_missing: 'Hãy nhập thu nhập tháng làm căn cứ đóng, ví dụ 2000000.',
    error_income_bad: 'Thu nhập chỉ gồm chữ số, ví dụ 2000000.',
    error_load: 'Không tải được bộ tính. Hãy tải lại trang.',
    error_engine: 'Bộ tính gặp lỗi và đã được khởi động lại. Hãy thử lại.',
    error_internal: 'Có lỗi khi tính. Hãy kiểm tra lại thông tin đã nhập.',
    disclaimer: 'Ước tính, không thay thế quyết định của cơ quan BHXH.',
    privacy:
      'Mọi phép tính chạy ngay trên máy của bạn; không gửi dữ liệu đi đâu, không theo dõi. Sau lần mở đầu tiên, trang dùng được cả khi không có mạng.',
    version: 'Bộ tính bhxh phiên bản {version}.',
  },
  en: {
    lang_switch: 'Tiếng Việt',
    title: 'Voluntary social insurance estimate',
    lead: 'What you pay, what the State adds, and roughly what pension you will get.',
    sex: 'Sex',
    sex_female: 'Female',
    sex_male: 'Male',
    birth: 'Year of birth',
    birth_hint: 'A year (1985), a year and month (1985-07) or a full date (1985-07-15).',
    income: 'Monthly income chosen as the contribution basis (VND)',
    income_range: 'From {floor} to {ceiling}, in steps of {step}.',
    category: 'Participant group',
    cat_other: 'Others',
    cat_poor: 'Poor household',
    cat_near_poor: 'Near-poor household',
    cat_ethnic_minority: 'Ethnic minority',
    cat_island_or_special_zone: 'Island commune or special zone',
    province: 'Province (provincial top-up support)',
    prov_none: 'Not chosen',
    prov_ha_noi: 'Hanoi',
    prov_hue: 'Hue',
    prov_ho_chi_minh: 'Ho Chi Minh City',
    prov_other: 'Another province',
    prov_current: 'Provinces and cities (from 1 July 2025)',
    prov_former: 'Former provinces (before 1 July 2025, merged)',
    prov_merged: ' (now part of {into})',
    prov_top_up: ' — provincial top-up',
    years: 'Years you will contribute',
    years_placeholder: 'Until retirement age',
    years_hint: 'Leave empty to contribute until retirement age.',
    method: 'Payment method',
    m_monthly: 'Monthly',
    m_every_3_months: 'Every 3 months',
    m_every_6_months: 'Every 6 months',
    m_every_12_months: 'Every 12 months',
    m_advance: 'Advance, several years at once',
    advance_years: 'Years paid in advance',
    results_title: 'Your estimate',
    loading: 'Loading the calculator…',
    r_payment: 'You pay per month',
    r_pension: 'Monthly pension',
    r_support: 'State support per month',
    r_start: 'Pension start',
    r_total: 'Total you pay',
    r_break_even: 'The pension repays what you paid at age',
    r_break_even_note:
      "From this age on, the pension received exceeds everything you paid (in today's prices).",
    r_lump: 'One-time withdrawal instead of a pension',
    r_family: 'Funeral allowance for the family',
    r_family_note:
      'If the participant dies, whoever arranges the funeral receives the funeral allowance; relatives may also receive a survivor lump sum based on the contribution period.',
    r_health: 'Health-insurance card',
    hi_yes: 'As a pensioner you receive a free health-insurance card.',
    hi_no: 'This estimate gives no free health-insurance card.',
    payment_note_monthly: '22% of the income, less the support.',
    payment_note_period: 'The first payment covers {months} months: {amount}.',
    support_split: 'State {state} + province {local}.',
    support_total: 'Support over the whole period: {total} (at most 120 months).',
    pension_note: "Rate {rate} × average income {average}; in today's prices.",
    pension_nominal: 'In money of the pension-start year: {amount}.',
    not_eligible: 'Not eligible for a pension',
    reason_insufficient_contribution_months: 'fewer than 15 years (180 months) of contributions',
    reason_not_yet_eligible: 'the pension cannot start yet',
    start_note: 'Retirement age {age} is reached in {month}.',
    total_note: 'Over {duration}; the State and the province add {support}.',
    lump_note: 'Assumed reason: {reason}. Taking it ends the right to a pension.',
    lump_emigration: 'emigration',
    lump_serious_illness: 'a serious illness',
    lump_severe_disability: 'a very severe disability',
    lump_retirement_age_without_pension: 'retirement age reached without a pension',
    lump_stopped_12_months: '12 months without contributions',
    never: 'Not within the projection',
    none: '—',
    age: '{years} years',
    age_months: '{years} years {months} months',
    duration: '{years} years',
    duration_months: '{years} years {months} months',
    month: '{name} {y}',
    methods_title: 'Compare the payment methods',
    methods_method: 'Method',
    methods_total: 'Total paid',
    methods_saving: 'Saving against monthly',
    chart_title: 'Pension by chosen income',
    chart_hint:
      'Each point uses your details with a different income. The large point is your choice.',
    chart_desc:
      'Incomes from {x0} to {x1} give pensions from {y0} to {y1} a month. At your income ({xu}): {yu}.',
    chart_x: 'Chosen income',
    chart_y: 'Pension/month',
    chart_you: 'You',
    chart_empty: 'No pension with these details, so there is nothing to plot.',
    million: 'M',
    explain_title: 'Why these numbers? (legal basis)',
    warnings_title: 'Notes',
    no_warnings: 'None.',
    assumptions_title: 'Assumptions of the projection',
    assumptions_text:
      "In today's prices: future incomes stay as chosen, and legal parameters keep today's values except changes already enacted (decision K-17).",
    confidence: 'confidence {grade}',
    receipt: 'Engine version {version} · parameter set {hash}',
    share: 'Share link',
    share_url: 'Link to this estimate',
    share_copied: 'Link copied.',
    share_manual: 'Copy the link below.',
    print: 'Print summary',
    bar: 'Pay {payment}/month · Pension {pension}/month',
    print_title: 'Voluntary social insurance estimate: summary',
    print_date: 'Prepared on {date}',
    print_inputs: 'Inputs',
    print_results: 'Results',
    print_basis: 'How it was calculated',
    print_link: 'Open this estimate again:',
    example_note: 'No year of birth yet: showing an example for someone born in {year}.',
    error_income_missing: 'Enter the monthly income, e.g. 2000000.',
    error_income_bad: 'The income takes digits only, e.g. 2000000.',
    error_load: 'The calculator could not be loaded. Reload the page.',
    error_engine: 'The calculator failed and has been restarted. Please try again.',
    error_internal: 'Something went wrong with the calculation. Check the inputs.',
    disclaimer: 'An estimate: it does not replace a decision of Vietnam Social Security.',
    privacy:
      'Every calculation runs on your device: nothing is sent anywhere, nothing is tracked. After the first visit the page also works offline.',
    version: 'bhxh engine version {version}.',
  },
};

Object.assign(STRINGS.vi, FAMILY_STRINGS.vi);
Object.assign(STRINGS.en, FAMILY_STRINGS.en);

const MONTH_NAMES_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** A string of the dictionary with `{name}` filled in. */
export function t(lang, key, vars = {}) {
  const s = STRINGS[lang]?.[key] ?? STRINGS.vi[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

// ---------------------------------------------------------------------------------------
// Formatting (pure)

/** Digits of a whole number grouped by three with `sep`. */
function group(n, sep) {
  return Math.abs(Math.trunc(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * Money as people read it: "1.500.000 đ" in Vietnamese, "1,500,000 VND" in English.
 * @param {number} amount whole đồng
 * @param {'vi'|'en'} lang
 */
export function formatMoney(amount, lang = 'vi') {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
  const sign = amount < 0 ? '-' : '';
  return lang === 'en' ? `${sign}${group(amount, ',')} VND` : `${sign}${group(amount, '.')} đ`;
}

/** Short money for the chart axis, in millions with one decimal: "1,5 tr" / "1.5M". */
export function formatMillions(amount, lang = 'vi') {
  const m = Math.round(amount / 100_000) / 10;
  const s = Number.isInteger(m) ? String(m) : m.toFixed(1);
  return lang === 'en' ? `${s}${t(lang, 'million')}` : `${s.replace('.', ',')} ${t(lang, 'million')}`;
}

/** A decimal rate string ("0.52") as a percentage ("52%", "52,5%" in Vietnamese). */
export function formatRate(rate, lang = 'vi') {
  const x = Number(rate);
  if (!Number.isFinite(x)) return '—';
  const s = (x * 100).toFixed(2).replace(/\.?0+$/, '');
  return `${lang === 'en' ? s : s.replace('.', ',')}%`;
}

/** An age `{years, months}`: "66 tuổi 3 tháng" / "66 years 3 months". */
export function formatAge(age, lang = 'vi') {
  if (!age || typeof age.years !== 'number') return t(lang, 'never');
  const key = age.months ? 'age_months' : 'age';
  let s = t(lang, key, age);
  if (lang === 'en' && age.months === 1) s = s.replace('1 months', '1 month');
  return s;
}

/** A number of months as years and months. */
export function formatDuration(months, lang = 'vi') {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  let s = t(lang, rest ? 'duration_months' : 'duration', { years, months: rest });
  if (lang === 'en') s = s.replace(/\b1 years\b/, '1 year').replace(/\b1 months\b/, '1 month');
  return s;
}

/** "YYYY-MM" or "YYYY-MM-DD" as "tháng 2/2045" / "February 2045". */
export function formatMonth(value, lang = 'vi') {
  const m = /^(\d{4})-(\d{2})/.exec(value ?? '');
  if (!m) return '—';
  const month = Number(m[2]);
  return t(lang, 'month', { m: month, y: m[1], name: MONTH_NAMES_EN[month - 1] });
}

/** Today's date on this device as "YYYY-MM-DD" (the engine has no clock). */
export function today(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

// ---------------------------------------------------------------------------------------
// The request (pure)

/** Allowed values of the select inputs (and of the share link). */
export const CHOICES = {
  sex: ['female', 'male'],
  category: ['other', 'poor', 'near_poor', 'ethnic_minority', 'island_or_special_zone'],
  province: ['none', 'ha_noi', 'hue', 'ho_chi_minh', 'other'],
  method: ['monthly', 'every_3_months', 'every_6_months', 'every_12_months', 'advance'],
  advanceYears: ['2', '3', '4', '5'],
};

/** The form's default values. */
export const DEFAULT_INPUTS = Object.freeze({
  sex: 'female',
  birth: '',
  income: '2000000',
  category: 'other',
  province: 'none',
  years: '',
  method: 'monthly',
  advanceYears: '5',
});

/** A client-side input problem, in the shape of the contract's error object. */
function inputError(code, field, key) {
  return { code, field, message: t('en', key), message_vi: t('vi', key) };
}

/**
 * The `estimate` request for the form's values.
 *
 * @param {typeof DEFAULT_INPUTS} inputs the form's values, as strings
 * @param {string} asOf the date of the estimate, "YYYY-MM-DD"
 * @param {{ incomeBad?: boolean }} [flags] `incomeBad`: the browser could not read the number
 * @returns {{ request: object } | { error: object }}
 */
export function buildRequest(inputs, asOf, flags = {}) {
  const incomeText = String(inputs.income ?? '').trim();
  if (flags.incomeBad) return { error: inputError('invalid_money', 'income', 'error_income_bad') };
  if (incomeText === '') return { error: inputError('missing_field', 'income', 'error_income_missing') };
  const income = Number(incomeText);
  if (!Number.isFinite(income)) return { error: inputError('invalid_money', 'income', 'error_income_bad') };

  const request = {
    calculation: 'estimate',
    as_of: asOf,
    sex: inputs.sex,
    birth_date: String(inputs.birth ?? '').trim() || EXAMPLE_BIRTH,
    income,
    categories: [inputs.category],
  };
  // "none" and "another province": no provincial top-up data, so no province is sent.
  if (inputs.province && inputs.province !== 'none' && inputs.province !== 'other') {
    request.province = inputs.province;
  }
  request.method = inputs.method;
  if (inputs.method === 'advance') request.months = 12 * Number(inputs.advanceYears);
  const years = String(inputs.years ?? '').trim();
  if (years !== '') request.contribution_years = Number(years);
  return { request };
}

// The share link: the inputs in `location.hash`, e.g.
// #s=female&b=1985&i=2000000&c=near_poor&p=hue&y=&m=monthly&l=vi
const HASH_KEYS = [
  ['s', 'sex'],
  ['b', 'birth'],
  ['i', 'income'],
  ['c', 'category'],
  ['p', 'province'],
  ['y', 'years'],
  ['m', 'method'],
];

/** The hash (without "#") for these inputs and language, and the family's bill if set. */
export function encodeHash(inputs, lang, family) {
  const q = new URLSearchParams();
  for (const [k, name] of HASH_KEYS) q.set(k, inputs[name] ?? '');
  if (inputs.method === 'advance') q.set('a', inputs.advanceYears);
  q.set('l', lang);
  if (family) {
    q.set('f', encodeFamily(family.members));
    q.set('fp', family.months);
  }
  return q.toString();
}

/**
 * The inputs and language a hash holds; unknown or invalid values are left out, so a
 * damaged link still opens with the defaults.
 * @returns {{ inputs: Partial<typeof DEFAULT_INPUTS>, lang?: 'vi'|'en' }}
 */
export function decodeHash(hash) {
  const q = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const inputs = {};
  const text = (v, re) => (v !== null && v.length <= 12 && re.test(v) ? v : undefined);
  const pick = (v, allowed) => (v !== null && allowed.includes(v) ? v : undefined);
  const fields = {
    sex: pick(q.get('s'), CHOICES.sex),
    birth: text(q.get('b'), /^[0-9-]*$/),
    income: text(q.get('i'), /^[0-9]*$/),
    category: pick(q.get('c'), CHOICES.category),
    province: pick(q.get('p'), CHOICES.province),
    years: text(q.get('y'), /^[0-9]*$/),
    method: pick(q.get('m'), CHOICES.method),
    advanceYears: pick(q.get('a'), CHOICES.advanceYears),
  };
  for (const [name, v] of Object.entries(fields)) if (v !== undefined) inputs[name] = v;
  const lang = pick(q.get('l'), ['vi', 'en']);
  const members = decodeFamily(q.get('f') ?? '');
  const family = members.length ? { members, months: pick(q.get('fp'), FAMILY_PERIODS) } : undefined;
  return { inputs, ...(lang ? { lang } : {}), ...(family ? { family } : {}) };
}

/**
 * The incomes plotted on the chart: from the floor to 10,000,000 (or above the chosen income),
 * evenly spread on the income step.
 */
export function chartIncomes(floor, ceiling, chosen, step) {
  const lo = Math.ceil(floor / step) * step;
  const wanted = Math.max(CHART_TOP, Math.ceil((chosen * 1.2) / step) * step);
  const hi = Math.max(lo, Math.min(Math.floor(ceiling / step) * step, wanted));
  const out = new Set();
  for (let k = 0; k < CHART_POINTS; k++) {
    const x = lo + ((hi - lo) * k) / (CHART_POINTS - 1);
    out.add(Math.min(hi, Math.max(lo, Math.round(x / step) * step)));
  }
  return [...out].sort((a, b) => a - b);
}

/** The contract error object from whatever the engine threw. */
export function asContractError(e) {
  let v = e;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v).error ?? v;
    } catch {
      /* not JSON */
    }
  }
  if (v && typeof v === 'object' && typeof v.code === 'string') {
    const message = typeof v.message === 'string' ? v.message : v.code;
    return {
      code: v.code,
      field: typeof v.field === 'string' ? v.field : undefined,
      message,
      message_vi: typeof v.message_vi === 'string' ? v.message_vi : message,
    };
  }
  return { ...inputError('internal_error', undefined, 'error_internal'), detail: String(e) };
}

/** First letter upper case (engine messages start lower case in English). */
const sentence = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// ---------------------------------------------------------------------------------------
// The page

/** Which input an error's `field` (a JSON path) points at. */
const FIELD_INPUT = {
  income: 'income',
  birth_date: 'birth',
  sex: 'sex',
  categories: 'category',
  province: 'province',
  contribution_years: 'years',
  method: 'method',
  months: 'advance-years',
};

/** What the running page holds. */
const state = {
  lang: 'vi',
  engine: null, // the wasm module
  last: null, // { inputs, request, response } of the last good estimate
  error: null, // the error shown, if any
  lastKey: null, // the last request evaluated, to skip repeats
  chart: null, // { points, you } last drawn
  errorTimer: 0,
  chartTimer: 0,
  liveTimer: 0,
  resultsVisible: false,
  incomeStep: 1, // the income step of decision K-3, from the engine's catalogue once loaded
  provinces: [], // provinceOptions() of the engine's catalogue once loaded
  family: null, // the mounted family section (family.mjs)
  seq: 0, // the number of the latest estimate asked, to drop older answers
  familyFromLink: undefined, // the family a share link holds, until the section is mounted
  detailTimer: 0,
};

/** Test and debugging hooks (timings, render count). */
const hooks = { firstResultMs: null, renders: 0 };

const $ = (id) => document.getElementById(id);
const L = (key, vars) => t(state.lang, key, vars);

/**
 * Whether an exception is a failure of the WebAssembly engine itself (a trap), after which
 * its instance must not be used again — as opposed to a contract error object.
 */
export function isEngineFailure(e) {
  return typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
}

/** Loads a fresh instance of the engine (a new module record, so a new WebAssembly instance). */
/**
 * The engine in a Web Worker (`engine-worker.mjs`): compiled while it downloads, run off the
 * main thread. Requests go in batches; each answer is `{ response }` or `{ error }` (the
 * contract's error object). An engine failure rejects with `{ fatal }`.
 */
function workerEngine() {
  const worker = new Worker(new URL('engine-worker.mjs', import.meta.url), { type: 'module' });
  let next = 1;
  const pending = new Map();
  const failAll = (fatal) => {
    for (const p of pending.values()) p.reject({ fatal });
    pending.clear();
  };
  worker.onmessage = ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.fatal !== undefined) p.reject({ fatal: data.fatal });
    else p.resolve(data);
  };
  worker.onerror = (e) => failAll(e.message ?? 'the engine worker failed');
  const call = (msg) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  return {
    async parameters(ids) {
      return (await call({ op: 'parameters', ids })).ok;
    },
    async evaluateMany(requests) {
      const { out } = await call({ op: 'evaluate', requests });
      return out.map((o) => (o.ok !== undefined ? { response: JSON.parse(o.ok) } : { error: asContractError(o.err) }));
    },
    terminate: () => worker.terminate(),
  };
}

/** The engine on the main thread: where module workers are not available. */
async function moduleEngine(fresh) {
  const url = fresh ? `${ENGINE_URL.href}?instance=${Date.now()}` : ENGINE_URL.href;
  const engine = await import(url);
  await engine.default();
  return {
    async parameters(ids) {
      const all = JSON.parse(engine.parameters());
      return JSON.stringify(ids ? all.filter((p) => ids.includes(p.id)) : all);
    },
    async evaluateMany(requests) {
      return requests.map((r) => {
        try {
          return { response: JSON.parse(engine.evaluate(JSON.stringify(r))) };
        } catch (e) {
          if (isEngineFailure(e)) throw { fatal: String(e) };
          return { error: asContractError(e) };
        }
      });
    },
    terminate() {},
  };
}

/** The parameters the page reads from the catalogue (the rest stays in the worker). */
const PAGE_PARAMETERS = ['income_step', 'local_support', 'health_insurance_groups', 'health_insurance_local_support'];

/** Lets the browser run other tasks (input, paint) before going on. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

async function loadEngine(fresh) {
  if (typeof Worker === 'function') {
    try {
      const engine = workerEngine();
      await engine.parameters(); // ready: compiled and instantiated
      return engine;
    } catch (e) {
      console.warn('bhxh: no engine worker, running the engine on the page', e);
    }
  }
  return moduleEngine(fresh);
}

/**
 * Evaluates requests with the engine; each answer is `{ response }` or `{ error }` (the
 * contract's error object). If the engine failed (no input should cause it), every answer is
 * that failure and a new engine starts, so that the next input works without a reload.
 */
async function runMany(requests) {
  const engine = state.engine;
  if (!engine) return requests.map(() => ({ error: inputError('engine_not_loaded', undefined, 'error_load') }));
  try {
    return await engine.evaluateMany(requests);
  } catch (e) {
    if (e?.fatal === undefined) throw e;
    console.error('bhxh: the engine failed; starting a new instance', e.fatal);
    if (state.engine === engine) {
      state.engine = null;
      engine.terminate();
      void loadEngine(true).then((fresh) => {
        state.engine = fresh;
      });
    }
    const error = { ...inputError('internal_error', undefined, 'error_engine'), detail: String(e.fatal) };
    return requests.map(() => ({ error }));
  }
}

/** Evaluates one request; returns the response or throws the contract error object. */
async function run(request) {
  const [answer] = await runMany([request]);
  if (answer.error) throw answer.error;
  return answer.response;
}

/** The form's current values. */
function readInputs() {
  return {
    sex: $('sex').value,
    birth: $('birth').value,
    income: $('income').value,
    category: $('category').value,
    province: $('province').value,
    years: $('years').value,
    method: $('method').value,
    advanceYears: $('advance-years').value,
  };
}

/** Puts values into the form (only valid ones, see `decodeHash`). */
function writeInputs(inputs) {
  const ids = {
    sex: 'sex', birth: 'birth', income: 'income', category: 'category',
    province: 'province', years: 'years', method: 'method', advanceYears: 'advance-years',
  };
  for (const [name, id] of Object.entries(ids)) {
    if (inputs[name] !== undefined) $(id).value = inputs[name];
  }
}

/** Static texts in the current language. */
function applyLanguage() {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = L('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = L(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = L(el.dataset.i18nPlaceholder);
  }
  const button = $('lang');
  button.textContent = L('lang_switch');
  button.lang = lang === 'vi' ? 'en' : 'vi';
  if (state.provinces.length) fillProvinces();
}

/** Sets a text; an empty text hides the element. */
function setText(id, text) {
  const el = $(id);
  el.textContent = text ?? '';
  if (el.classList.contains('sub') || el.classList.contains('note')) el.hidden = !text;
}

/** Shows a response (the last good one when re-rendering for a language switch). */
function render() {
  const lang = state.lang;
  const last = state.last;
  if (!last) return;
  const r = last.response;
  const money = (n) => formatMoney(n, lang);

  $('loading').hidden = true;
  setText('income-range', L('income_range', {
    floor: money(r.income_floor),
    ceiling: money(r.income_ceiling),
    step: money(state.incomeStep),
  }));
  $('income').min = String(r.income_floor);
  $('income').max = String(r.income_ceiling);

  setText('monthly-payment', money(r.monthly_payment));
  const first = r.first_payment;
  setText('payment-note', first && first.months > 1
    ? L('payment_note_period', { months: first.months, amount: money(first.payable) })
    : L('payment_note_monthly'));

  const local = r.local_support_per_month ?? 0;
  setText('state-support', money((r.state_support_per_month ?? 0) + local));
  setText('support-note', [
    local > 0 ? L('support_split', { state: money(r.state_support_per_month), local: money(local) }) : '',
    L('support_total', { total: money(r.total_support) }),
  ].filter(Boolean).join(' '));

  if (r.eligible) {
    setText('monthly-pension', money(r.monthly_pension));
    setText('pension-note', [
      L('pension_note', { rate: formatRate(r.rate, lang), average: money(r.average_income) }),
      typeof r.monthly_pension_nominal === 'number'
        ? L('pension_nominal', { amount: money(r.monthly_pension_nominal) })
        : '',
    ].filter(Boolean).join(' '));
    setText('pension-start', formatMonth(r.pension_start, lang));
  } else {
    setText('monthly-pension', L('none'));
    const why = r.reason && `reason_${r.reason}` in STRINGS.vi ? L(`reason_${r.reason}`) : r.reason;
    setText('pension-note', `${L('not_eligible')}${why ? `: ${why}` : ''}.`);
    setText('pension-start', L('none'));
  }
  setText('start-note', L('start_note', {
    age: formatAge(r.retirement_age, lang),
    month: formatMonth(r.age_reached_month, lang),
  }));
  setText('total-paid', money(r.total_paid));
  setText('total-note', L('total_note', {
    duration: formatDuration(r.contribution_months, lang),
    support: money(r.total_support),
  }));
  setText('break-even', r.break_even_age ? formatAge(r.break_even_age, lang) : L('never'));
  setText('lump-sum', money(r.lump_sum_alternative));
  const reasonKey = `lump_${r.lump_sum_reason}`;
  setText('lump-note', r.lump_sum_reason
    ? L('lump_note', { reason: reasonKey in STRINGS.vi ? L(reasonKey) : r.lump_sum_reason })
    : '');
  setText('family', money(r.funeral_allowance));
  setText('health-insurance', r.health_insurance ? L('hi_yes') : L('hi_no'));

  const summary = L('bar', {
    payment: money(r.monthly_payment),
    pension: r.eligible ? money(r.monthly_pension) : L('none'),
  });
  $('summary-bar').textContent = summary;
  clearTimeout(state.liveTimer);
  state.liveTimer = setTimeout(() => ($('live').textContent = summary), LIVE_DELAY_MS);
  document.body.classList.add('has-bar');
  updateBar();

  // The method table and the explanation are below the first screen: filled in a task of
  // their own, so that a slow phone shows the key numbers at once.
  clearTimeout(state.detailTimer);
  state.detailTimer = setTimeout(() => {
    if (state.last?.response !== r) return;
    renderMethods(r);
    renderExplanation(r);
  }, 0);
  setText('example-note', String(last.inputs.birth).trim() === ''
    ? L('example_note', { year: EXAMPLE_BIRTH })
    : '');
  $('version').textContent = L('version', { version: r.receipt?.engine_version ?? '' });
}

/** Shows the summary bar while the results are out of sight (phones; CSS hides it on wide screens). */
function updateBar() {
  $('summary-bar').hidden = !state.last || state.resultsVisible || state.error !== null;
}

/** The table comparing the payment methods. */
function renderMethods(r) {
  const body = $('method-costs');
  body.replaceChildren();
  for (const m of r.method_costs ?? []) {
    const tr = document.createElement('tr');
    if (m.method === state.last.request.method) tr.className = 'current';
    const saving = typeof m.saving_vs_monthly === 'number' ? m.saving_vs_monthly : null;
    for (const [text, isHeader] of [
      [L(`m_${m.method}`), true],
      [formatMoney(m.total_paid, state.lang), false],
      [saving === null ? '' : formatMoney(saving, state.lang), false],
    ]) {
      const cell = document.createElement(isHeader ? 'th' : 'td');
      if (isHeader) cell.scope = 'row';
      cell.textContent = text;
      tr.append(cell);
    }
    body.append(tr);
  }
  $('methods').hidden = body.childElementCount === 0;
}

/** The explanation: the trace steps with their citations, warnings, assumptions, receipt. */
function renderExplanation(r) {
  const lang = state.lang;
  const steps = $('trace-steps');
  steps.replaceChildren();
  for (const s of r.trace ?? []) {
    const li = document.createElement('li');
    li.className = 'step';
    const p = document.createElement('p');
    p.textContent = lang === 'en' ? s.text_en : s.text_vi;
    const cite = document.createElement('small');
    cite.className = 'citation';
    cite.textContent = s.confidence
      ? `${s.citation} (${L('confidence', { grade: s.confidence })})`
      : s.citation;
    li.append(p, cite);
    steps.append(li);
  }
  const warnings = $('warnings');
  warnings.replaceChildren();
  for (const w of r.warnings ?? []) {
    const li = document.createElement('li');
    li.textContent = sentence(lang === 'en' ? w.message : w.message_vi);
    warnings.append(li);
  }
  if (!warnings.childElementCount) {
    const li = document.createElement('li');
    li.textContent = L('no_warnings');
    warnings.append(li);
  }
  const dl = $('assumptions');
  dl.replaceChildren();
  for (const [k, v] of Object.entries(r.assumptions ?? {})) {
    const dt = document.createElement('dt');
    dt.textContent = k.replaceAll('_', ' ');
    const dd = document.createElement('dd');
    dd.textContent = typeof v === 'string' ? v : JSON.stringify(v);
    dd.lang = 'en'; // the engine states its assumptions in English
    dl.append(dt, dd);
  }
  $('receipt').textContent = r.receipt
    ? L('receipt', { version: r.receipt.engine_version, hash: r.receipt.parameters_hash })
    : '';
}

/** Marks the input an error points at, and shows the message (now, or after a pause while typing). */
function showError(err, { now = false } = {}) {
  state.error = err;
  for (const id of ['results', 'chart']) $(id).classList.add('stale');
  updateBar();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const id = FIELD_INPUT[String(err.field ?? '').split(/[.[]/)[0]];
  if (id) {
    $(id).setAttribute('aria-invalid', 'true');
    $(id).setAttribute('aria-errormessage', 'error');
  }
  clearTimeout(state.errorTimer);
  const reveal = () => {
    if (state.error !== err) return;
    const box = $('error');
    box.textContent = sentence(state.lang === 'en' ? err.message : err.message_vi);
    // Next to the input at fault (on a phone the results are far below), else above the results.
    const field = id ? $(id).closest('.field') : null;
    if (field) field.append(box);
    else $('results').before(box);
    box.hidden = false;
  };
  if (now) reveal();
  else state.errorTimer = setTimeout(reveal, ERROR_DELAY_MS);
}

function clearError() {
  state.error = null;
  clearTimeout(state.errorTimer);
  $('error').hidden = true;
  $('error').textContent = '';
  for (const id of ['results', 'chart']) $(id).classList.remove('stale');
  updateBar();
  for (const el of document.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-errormessage');
  }
}

/** Recomputes from the form: the heart of the page, run on every input. */
async function update({ commit = false } = {}) {
  const inputs = readInputs();
  $('advance-row').hidden = inputs.method !== 'advance';
  history.replaceState(null, '', `#${encodeHash(inputs, state.lang, familyState())}`);
  if (!state.engine) return;

  const built = buildRequest(inputs, today(), { incomeBad: $('income').validity.badInput });
  const key = JSON.stringify(built);
  if (key === state.lastKey) {
    // Nothing changed (a select fires both input and change); a commit shows a pending error.
    if (commit && state.error) showError(state.error, { now: true });
    return;
  }
  state.lastKey = key;

  if (built.error) {
    showError(built.error, { now: commit });
    return;
  }
  const seq = ++state.seq;
  let response;
  try {
    response = await run(built.request);
  } catch (err) {
    if (seq === state.seq) showError(err, { now: commit });
    return;
  }
  if (seq !== state.seq) return; // a newer input is being answered
  clearError();
  state.last = { inputs, request: built.request, response };
  render();
  hooks.renders++;
  if (hooks.firstResultMs === null) {
    hooks.firstResultMs = performance.now();
    performance.mark?.('bhxh:first-result');
    document.documentElement.dataset.ready = 'true';
  }
  scheduleChart();
}

// ---------------------------------------------------------------------------------------
// The chart: monthly pension against the chosen income, inline SVG.

function scheduleChart() {
  clearTimeout(state.chartTimer);
  state.chartTimer = setTimeout(computeChart, CHART_DELAY_MS);
}

/** Evaluates the estimate at each chart income (without the trace) and draws it. */
async function computeChart() {
  const cur = state.last;
  if (!cur) return;
  const r = cur.response;
  const incomes = new Set(
    chartIncomes(r.income_floor, r.income_ceiling, cur.request.income, state.incomeStep),
  );
  incomes.add(cur.request.income); // the curve passes through the user's point
  const sorted = [...incomes].sort((a, b) => a - b);
  const answers = await runMany(sorted.map((income) => ({ ...cur.request, income, trace: false })));
  if (cur !== state.last) return; // the inputs changed meanwhile: a newer chart is coming
  const points = [];
  sorted.forEach((income, i) => {
    // A point the engine rejects is left out.
    const p = answers[i].response;
    if (p?.eligible) points.push({ income, pension: p.monthly_pension, mine: income === cur.request.income });
  });
  const you = r.eligible ? { income: cur.request.income, pension: r.monthly_pension } : null;
  state.chart = { points, you };
  drawChart();
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(name, attrs = {}, text) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A round number at or above `v` for the top of the axis. */
function niceCeil(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function drawChart() {
  const host = $('chart');
  host.replaceChildren();
  const data = state.chart;
  if (!data) return;
  if (data.points.length < 2) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = L('chart_empty');
    host.append(p);
    return;
  }
  const lang = state.lang;
  const { points, you } = data;
  const W = 340, H = 230, left = 52, right = 14, top = 26, bottom = 44;
  const x0 = points[0].income;
  const x1 = points[points.length - 1].income;
  const yMax = niceCeil(Math.max(...points.map((p) => p.pension), you?.pension ?? 0));
  const sx = (x) => left + ((x - x0) / (x1 - x0 || 1)) * (W - left - right);
  const sy = (y) => H - bottom - (y / yMax) * (H - top - bottom);

  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-labelledby': 'chart-svg-title chart-svg-desc',
    preserveAspectRatio: 'xMidYMid meet',
  });
  root.append(svg('title', { id: 'chart-svg-title' }, L('chart_title')));
  const yOf = (income) => points.find((p) => p.income === income)?.pension;
  root.append(svg('desc', { id: 'chart-svg-desc' }, L('chart_desc', {
    x0: formatMoney(x0, lang),
    x1: formatMoney(x1, lang),
    y0: formatMoney(yOf(x0), lang),
    y1: formatMoney(yOf(x1), lang),
    xu: you ? formatMoney(you.income, lang) : '—',
    yu: you ? formatMoney(you.pension, lang) : '—',
  })));

  // Grid and y labels.
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    const y = sy(v);
    root.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: k ? 'grid' : 'axis' }));
    root.append(svg('text', { x: left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, formatMillions(v, lang)));
  }
  // x labels: first, middle, last.
  const mid = points[Math.floor((points.length - 1) / 2)].income;
  for (const v of [...new Set([x0, mid, x1])]) {
    root.append(svg('text', { x: sx(v), y: H - bottom + 16, class: 'tick', 'text-anchor': 'middle' }, formatMillions(v, lang)));
  }
  root.append(svg('text', { x: (left + W - right) / 2, y: H - 6, class: 'axis-title', 'text-anchor': 'middle' }, L('chart_x')));
  root.append(svg('text', { x: 4, y: 14, class: 'axis-title' }, L('chart_y')));

  // The curve and its points.
  root.append(svg('polyline', {
    class: 'curve',
    points: points.map((p) => `${sx(p.income).toFixed(1)},${sy(p.pension).toFixed(1)}`).join(' '),
  }));
  for (const p of points.filter((q) => !q.mine)) {
    const dot = svg('circle', { cx: sx(p.income), cy: sy(p.pension), r: 3.5, class: 'point' });
    dot.append(svg('title', {}, `${formatMoney(p.income, lang)} → ${formatMoney(p.pension, lang)}`));
    root.append(dot);
  }
  // The user's choice.
  if (you && you.income >= x0 && you.income <= x1) {
    const x = sx(you.income);
    const y = sy(you.pension);
    root.append(svg('line', { x1: x, x2: x, y1: y, y2: H - bottom, class: 'you-line' }));
    root.append(svg('circle', { cx: x, cy: y, r: 7, class: 'you' }));
    const anchor = x > W * 0.6 ? 'end' : 'start';
    root.append(svg('text', {
      x: anchor === 'end' ? x - 10 : x + 10,
      y: Math.max(top, y - 10),
      class: 'you-label',
      'text-anchor': anchor,
    }, `${L('chart_you')}: ${formatMoney(you.pension, lang)}`));
  }
  host.append(root);
}

// ---------------------------------------------------------------------------------------
// Share and print

/** Copies the link to this estimate (the inputs are in the hash). */
async function share() {
  const url = location.href;
  const box = $('share-url');
  box.value = url;
  box.hidden = false;
  let copied = false;
  try {
    if (navigator.clipboard?.writeText) {
      // Some browsers never settle without a permission prompt: give up after a second.
      await Promise.race([
        navigator.clipboard.writeText(url).then(() => (copied = true)),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
    }
  } catch {
    copied = false;
  }
  if (!copied) {
    box.focus();
    box.select();
  }
  const status = $('share-status');
  status.textContent = L(copied ? 'share_copied' : 'share_manual');
  status.hidden = false;
}

/** Fills the one-page printed summary from the last good estimate. */
function fillPrintSummary() {
  const host = $('print-summary');
  host.replaceChildren();
  const cur = state.last;
  if (!cur) return;
  const lang = state.lang;
  const r = cur.response;
  const i = cur.inputs;
  const money = (n) => formatMoney(n, lang);
  const el = (name, text, cls) => {
    const e = document.createElement(name);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const table = (rows) => {
    const tb = el('table', undefined, 'table');
    for (const [k, v] of rows) {
      const tr = el('tr');
      const th = el('th', k);
      th.scope = 'row';
      tr.append(th, el('td', v));
      tb.append(tr);
    }
    return tb;
  };
  const d = today();
  const inputsBox = el('section');
  const resultsBox = el('section');
  const grid = el('div', undefined, 'print-grid');
  grid.append(inputsBox, resultsBox);
  host.append(
    el('h1', L('print_title')),
    el('p', L('print_date', { date: lang === 'vi' ? d.split('-').reverse().join('/') : d })),
    grid,
    el('h2', L('print_basis')),
  );
  inputsBox.append(
    el('h2', L('print_inputs')),
    table([
      [L('sex'), L(`sex_${i.sex}`)],
      [L('birth'), cur.request.birth_date],
      [L('income'), money(cur.request.income)],
      [L('category'), L(`cat_${i.category}`)],
      [L('province'), provinceLabel(i.province)],
      [L('years'), String(i.years).trim() || L('years_placeholder')],
      [L('method'), L(`m_${i.method}`) + (i.method === 'advance' ? ` (${i.advanceYears})` : '')],
    ]),
  );
  resultsBox.append(
    el('h2', L('print_results')),
    table([
      [L('r_payment'), money(r.monthly_payment)],
      [L('r_support'), money((r.state_support_per_month ?? 0) + (r.local_support_per_month ?? 0))],
      [L('r_pension'), r.eligible ? money(r.monthly_pension) : L('not_eligible')],
      [L('r_start'), r.eligible ? formatMonth(r.pension_start, lang) : L('none')],
      [L('r_total'), money(r.total_paid)],
      [L('r_break_even'), r.break_even_age ? formatAge(r.break_even_age, lang) : L('never')],
      [L('r_lump'), money(r.lump_sum_alternative)],
      [L('r_family'), money(r.funeral_allowance)],
      [L('r_health'), r.health_insurance ? L('hi_yes') : L('hi_no')],
    ]),
  );
  const ol = el('ol', undefined, 'steps');
  for (const s of r.trace ?? []) {
    const li = el('li', lang === 'en' ? s.text_en : s.text_vi);
    li.append(' ', el('small', `[${s.citation}]`, 'citation'));
    ol.append(li);
  }
  host.append(ol);
  const bill = state.family?.bill();
  if (bill && bill.rows.length > 1) {
    // The family's bill, when more than one member is listed.
    host.append(
      el('h2', L('family_title')),
      table(bill.rows.map((row, k) => [L('family_member', { n: k + 1 }), money(row.total)])),
      el('p', L('family_summary', {
        total: money(bill.total),
        months: bill.months,
        state: money(bill.state),
        local: bill.local > 0 ? L('family_summary_local', { local: money(bill.local) }) : '',
      })),
    );
  }
  for (const w of r.warnings ?? []) host.append(el('p', sentence(lang === 'en' ? w.message : w.message_vi), 'small'));
  host.append(
    el('p', `${L('print_link')} ${location.href}`, 'small'),
    el('p', L('receipt', { version: r.receipt?.engine_version, hash: r.receipt?.parameters_hash }), 'small'),
    el('p', L('disclaimer'), 'disclaimer'),
  );
}

// ---------------------------------------------------------------------------------------
// Start

function setLanguage(lang) {
  state.lang = lang;
  applyLanguage();
  render();
  drawChart();
  if (state.error && !$('error').hidden) showError(state.error, { now: true });
  state.family?.render();
  history.replaceState(null, '', `#${encodeHash(readInputs(), lang, familyState())}`);
}

/** The family part of the share link: the mounted section's, or the link's until it is. */
function familyState() {
  return state.family?.state ?? state.familyFromLink;
}

/** The family's bill (family.mjs), from the share link's members if it has some. */
function mountFamilySection(catalogue) {
  const family = state.familyFromLink;
  const province = () => {
    const p = readInputs().province;
    return p && p !== 'none' && p !== 'other' ? p : undefined;
  };
  state.family = mountFamily({
    host: $('household'),
    L,
    lang: () => state.lang,
    money: (n) => formatMoney(n, state.lang),
    runMany,
    catalogue,
    province,
    month: () => today().slice(0, 7),
    categoryLabel: (c) => L(`cat_${c}`),
    onChange: () => history.replaceState(null, '', `#${encodeHash(readInputs(), state.lang, familyState())}`),
    initial: family,
  });
  $('inputs').addEventListener('change', (e) => {
    if (e.target?.id === 'province') state.family.render();
  });
}

/** The name of a province code in the page's language. */
function provinceLabel(code) {
  const p = state.provinces.find((x) => x.code === code);
  if (!p) return L(`prov_${code}`);
  return state.lang === 'vi' ? p.vi : p.en;
}

/** Fills the province list from the engine's data (every province, those with a top-up marked). */
function fillProvinces() {
  const select = $('province');
  const chosen = select.value;
  const option = (p) => {
    const o = document.createElement('option');
    o.value = p.code;
    const name = state.lang === 'vi' ? p.vi : p.en;
    const merged = p.mergedInto ? state.provinces.find((x) => x.code === p.mergedInto) : null;
    const into = merged ? L('prov_merged', { into: state.lang === 'vi' ? merged.vi : merged.en }) : '';
    o.textContent = name + into + (p.topUp ? L('prov_top_up') : '');
    return o;
  };
  const groupOf = (label, list) => {
    const g = document.createElement('optgroup');
    g.label = label;
    g.append(...list.map(option));
    return g;
  };
  const none = document.createElement('option');
  none.value = 'none';
  none.textContent = L('prov_none');
  select.replaceChildren(
    none,
    groupOf(L('prov_current'), state.provinces.filter((p) => !p.mergedInto)),
    groupOf(L('prov_former'), state.provinces.filter((p) => p.mergedInto)),
  );
  select.value = state.provinces.some((p) => p.code === chosen) ? chosen : 'none';
  for (const p of state.provinces) if (!CHOICES.province.includes(p.code)) CHOICES.province.push(p.code);
}

/** Restores the inputs and language from the link. */
function restoreFromHash() {
  const { inputs, lang } = decodeHash(location.hash);
  writeInputs(inputs);
  if (lang && lang !== state.lang) {
    state.lang = lang;
  }
  applyLanguage();
}

async function start() {
  state.familyFromLink = decodeHash(location.hash).family; // before any update rewrites it
  restoreFromHash();
  const form = $('inputs');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', () => update());
  form.addEventListener('change', () => update({ commit: true }));
  $('lang').addEventListener('click', () => setLanguage(state.lang === 'vi' ? 'en' : 'vi'));
  $('share').addEventListener('click', () => void share());
  $('print').addEventListener('click', () => {
    fillPrintSummary();
    window.print();
  });
  window.addEventListener('beforeprint', fillPrintSummary);
  $('summary-bar').addEventListener('click', () => {
    $('results').scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((entries) => {
      state.resultsVisible = entries.some((e) => e.isIntersecting);
      updateBar();
    }).observe($('results'));
  }
  window.addEventListener('hashchange', () => {
    restoreFromHash();
    render();
    update({ commit: true });
  });

  let catalogue;
  try {
    state.engine = await loadEngine(false);
    catalogue = JSON.parse(await state.engine.parameters(PAGE_PARAMETERS));
  } catch (e) {
    console.error('bhxh: the engine did not load', e);
    $('loading').hidden = true;
    showError(inputError('engine_not_loaded', undefined, 'error_load'), { now: true });
    return;
  }
  state.incomeStep = incomeStep(catalogue, new Date().toISOString().slice(0, 7));
  state.provinces = provinceOptions(catalogue);
  await pause(); // short tasks: the main thread stays free for input
  fillProvinces();
  restoreFromHash(); // a link may name a province only the data lists
  $('loading').hidden = true;
  await update({ commit: true });
  await pause();
  mountFamilySection(catalogue);
  registerServiceWorker();
}

/** Offline support: the service worker caches the page and the engine. */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch((e) => {
    console.warn('bhxh: offline support unavailable', e);
  });
}

if (typeof document !== 'undefined' && document.getElementById('inputs')) {
  window.bhxhEstimator = hooks;
  // In a task of its own, after the page's first frame.
  pause().then(start).catch((e) => {
    // Last line of defence: the page must never die silently.
    console.error(e);
    try {
      showError(asContractError(e), { now: true });
    } catch {
      /* nothing more to do */
    }
  });
}
