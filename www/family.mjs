// The family's bill: what a household pays this period for voluntary social insurance (those
// who join it) and household health insurance (everyone listed), with the State's and the
// province's shares — both computed by the engine (`contribution` per participant,
// `health_insurance` for the household). The pure helpers are exported for the tests; the
// section itself is mounted by `app.mjs` once the engine is loaded.

/** Strings of the family section, in Vietnamese and English. */
export const FAMILY_STRINGS = {
  vi: {
    family_title: 'Cả gia đình đóng bao nhiêu?',
    family_intro: 'Mỗi người trong hộ tham gia bảo hiểm y tế hộ gia đình; ai muốn thì tham gia thêm BHXH tự nguyện. Tính cho cùng một kỳ đóng, tại tháng hiện tại.',
    family_period: 'Kỳ đóng',
    family_months: '{n} tháng',
    family_add: 'Thêm thành viên',
    family_remove: 'Bỏ thành viên {n}',
    family_member: 'Thành viên {n}',
    family_group: 'Đối tượng bảo hiểm y tế',
    family_joins_si: 'Tham gia BHXH tự nguyện',
    family_income: 'Thu nhập chọn đóng BHXH',
    family_category: 'Nhóm hỗ trợ BHXH',
    family_col_member: 'Thành viên',
    family_col_si: 'BHXH tự nguyện',
    family_col_hi: 'Bảo hiểm y tế',
    family_col_total: 'Phải đóng',
    family_support: 'NN hỗ trợ {state}',
    family_local: 'tỉnh hỗ trợ {local}',
    family_total_row: 'Cả hộ',
    family_summary: 'Cả hộ đóng {total} cho {months} tháng; Nhà nước hỗ trợ {state}{local}.',
    family_summary_local: ', ngân sách tỉnh hỗ trợ thêm {local}',
    family_not_joining: 'không tham gia',
    family_error: 'Thành viên {n}: {message}',
    handout: 'Tờ thông tin cho buổi gặp',
  },
  en: {
    family_title: 'What does the whole family pay?',
    family_intro: 'Everyone in the household joins household health insurance; whoever wishes also joins voluntary social insurance. Priced for the same period, in the current month.',
    family_period: 'Period',
    family_months: '{n} months',
    family_add: 'Add a member',
    family_remove: 'Remove member {n}',
    family_member: 'Member {n}',
    family_group: 'Health-insurance group',
    family_joins_si: 'Joins voluntary social insurance',
    family_income: 'Income chosen for social insurance',
    family_category: 'Social-insurance support group',
    family_col_member: 'Member',
    family_col_si: 'Voluntary SI',
    family_col_hi: 'Health insurance',
    family_col_total: 'To pay',
    family_support: 'State {state}',
    family_local: 'province {local}',
    family_total_row: 'Household',
    family_summary: 'The household pays {total} for {months} months; the State adds {state}{local}.',
    family_summary_local: ', the province {local}',
    family_not_joining: 'not joining',
    family_error: 'Member {n}: {message}',
    handout: 'Meeting handout (Vietnamese, one page)',
  },
};

/** The periods both schemes share: 3, 6 or 12 months (the SI method of the same length). */
export const FAMILY_PERIODS = ['3', '6', '12'];
const SI_CATEGORIES = ['other', 'poor', 'near_poor', 'ethnic_minority', 'island_or_special_zone'];
const MAX_MEMBERS = 20;

/** A new member: self-paying for health insurance, not in voluntary SI. */
export function newMember() {
  return { group: 'self_paying', si: false, income: '', category: 'other' };
}

/**
 * The engine requests for a family: one `health_insurance` request for everyone and one
 * `contribution` request per member who joins voluntary SI.
 * @returns {{ health: object, si: { index: number, request: object }[] }}
 */
export function familyRequests({ members, months, province, paymentMonth }) {
  const n = Number(months);
  const health = {
    calculation: 'health_insurance',
    payment_month: paymentMonth,
    months: n,
    members: members.map((m) => ({ group: m.group })),
  };
  if (province) health.province = province;
  const si = [];
  members.forEach((m, index) => {
    if (!m.si) return;
    const request = {
      calculation: 'contribution',
      payment_month: paymentMonth,
      income: Number(String(m.income).trim() || NaN),
      method: `every_${n}_months`,
      categories: [m.category],
    };
    if (province) request.province = province;
    si.push({ index, request });
  });
  return { health, si };
}

/**
 * The bill: per member the SI and health-insurance amounts (payable, State, province) and
 * the member's total, then the household's totals — every number from the responses.
 */
export function familyBill(health, si, count) {
  const rows = Array.from({ length: count }, (_, i) => {
    const h = health.members[i];
    const mult = health.months;
    return {
      si: null,
      hi: {
        payable: h.payable,
        state: h.state_support_monthly * mult,
        local: (h.local_support_monthly ?? 0) * mult,
      },
    };
  });
  for (const { index, response } of si) {
    rows[index].si = {
      payable: response.payable,
      state: response.state_support,
      local: response.local_support,
    };
  }
  const sum = (f) => rows.reduce((t, r) => t + f(r), 0);
  for (const r of rows) r.total = r.hi.payable + (r.si?.payable ?? 0);
  return {
    rows,
    months: health.months,
    total: sum((r) => r.total),
    state: sum((r) => r.hi.state + (r.si?.state ?? 0)),
    local: sum((r) => r.hi.local + (r.si?.local ?? 0)),
  };
}

/** The members as a share-link value: `group.si.income.category` joined by `-` (characters a
 * URL keeps as they are). */
export function encodeFamily(members) {
  return members.map((m) => [m.group, m.si ? 1 : 0, m.si ? m.income : '', m.si ? m.category : ''].join('.')).join('-');
}

/** The members a share-link value holds; damaged entries are dropped. */
export function decodeFamily(text) {
  if (typeof text !== 'string' || text === '' || text.length > 2000) return [];
  const out = [];
  for (const part of text.split('-').slice(0, MAX_MEMBERS)) {
    const [group, si, income, category] = part.split('.');
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(group ?? '')) continue;
    const joins = si === '1' && /^[0-9]{1,12}$/.test(income ?? '') && SI_CATEGORIES.includes(category);
    out.push({ group, si: joins, income: joins ? income : '', category: joins ? category : 'other' });
  }
  return out;
}

/**
 * The health-insurance groups to offer: the national ones, then the chosen province's own,
 * from the engine's catalogue (labels in both languages).
 */
export function healthGroups(catalogue, province, month) {
  const series = catalogue.find((p) => p.id === 'health_insurance_groups');
  const inForce = (series?.values ?? []).filter((v) => v.from <= month && v.value != null);
  const national = (inForce.at(-1)?.value ?? []).map((g) => ({ code: g.code, vi: g.label_vi, en: g.label_en }));
  const local = catalogue.find((p) => p.id === 'health_insurance_local_support');
  const own = Object.entries(local?.provinces?.[province]?.local_categories ?? {}).map(([code, c]) => ({
    code,
    vi: c.label_vi,
    en: c.label_en,
    local: true,
  }));
  return [...national, ...own];
}

/**
 * Mounts the family section in `host`.
 * @param {{ host: HTMLElement, L: Function, lang: () => 'vi'|'en', money: Function,
 *   runMany: (requests: object[]) => Promise<({ response: object } | { error: object })[]>, catalogue: object[],
 *   province: () => string|undefined, month: () => string, categoryLabel: (c: string) => string,
 *   onChange: () => void, initial?: { members: object[], months?: string } }} opts
 * @returns {{ render: () => void, state: { members: object[], months: string }, bill: () => object|null }}
 */
export function mountFamily(opts) {
  const { host, L, money } = opts;
  const st = {
    members: opts.initial?.members?.length ? opts.initial.members : [newMember()],
    months: FAMILY_PERIODS.includes(opts.initial?.months) ? opts.initial.months : '12',
  };
  let last = null;
  let asked = 0; // the number of the latest bill asked, to drop older answers
  const el = (name, attrs = {}, ...children) => {
    const e = document.createElement(name);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') e.textContent = v;
      else if (k in e && k !== 'list') e[k] = v;
      else e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
  };
  const select = (id, label, options, value, onchange) => {
    const s = el('select', { id });
    for (const [v, text] of options) s.append(el('option', { value: v, text }));
    s.value = value;
    s.addEventListener('change', () => onchange(s.value));
    return el('div', { className: 'field' }, el('label', { htmlFor: id, text: label }), s);
  };
  const changed = () => {
    render();
    opts.onChange();
  };
  function memberRow(m, i) {
    const n = i + 1;
    const groups = healthGroups(opts.catalogue, opts.province(), opts.month());
    if (!groups.some((g) => g.code === m.group)) m.group = 'self_paying';
    const lang = opts.lang();
    const box = el('fieldset', { className: 'member' }, el('legend', { text: L('family_member', { n }) }));
    box.append(
      select(`fm-group-${i}`, L('family_group'), groups.map((g) => [g.code, lang === 'vi' ? g.vi : g.en]), m.group, (v) => {
        m.group = v;
        changed();
      }),
    );
    const joins = el('input', { type: 'checkbox', id: `fm-si-${i}`, checked: m.si });
    joins.addEventListener('change', () => {
      m.si = joins.checked;
      if (m.si && !m.income) m.income = '2000000';
      changed();
    });
    box.append(el('div', { className: 'field check' }, joins, el('label', { htmlFor: `fm-si-${i}`, text: L('family_joins_si') })));
    if (m.si) {
      const income = el('input', { id: `fm-income-${i}`, type: 'number', inputMode: 'numeric', step: '50000', value: m.income });
      income.addEventListener('change', () => {
        m.income = income.value;
        changed();
      });
      box.append(el('div', { className: 'field' }, el('label', { htmlFor: `fm-income-${i}`, text: L('family_income') }), income));
      box.append(select(`fm-cat-${i}`, L('family_category'), SI_CATEGORIES.map((c) => [c, opts.categoryLabel(c)]), m.category, (v) => {
        m.category = v;
        changed();
      }));
    }
    if (st.members.length > 1) {
      const remove = el('button', { type: 'button', className: 'remove', text: '×' });
      remove.setAttribute('aria-label', L('family_remove', { n }));
      remove.addEventListener('click', () => {
        st.members.splice(i, 1);
        changed();
      });
      box.append(remove);
    }
    return box;
  }
  async function compute() {
    const reqs = familyRequests({ members: st.members, months: st.months, province: opts.province(), paymentMonth: opts.month() });
    const [health, ...answers] = await opts.runMany([reqs.health, ...reqs.si.map((x) => x.request)]);
    if (health.error) throw health.error;
    const si = reqs.si.map(({ index }, k) => {
      if (answers[k].error) throw { ...answers[k].error, member: index + 1 };
      return { index, response: answers[k].response };
    });
    return familyBill(health.response, si, st.members.length);
  }
  function billTable(b) {
    const cell = (x) => {
      if (!x) return el('td', { text: L('family_not_joining') });
      const td = el('td', {}, el('span', { className: 'amount', text: money(x.payable) }));
      const sup = [L('family_support', { state: money(x.state) })];
      if (x.local > 0) sup.push(L('family_local', { local: money(x.local) }));
      td.append(el('br'), el('small', { text: sup.join(', ') }));
      return td;
    };
    const head = el('tr', {}, ...['family_col_member', 'family_col_si', 'family_col_hi', 'family_col_total'].map((k) => el('th', { scope: 'col', text: L(k) })));
    const rows = b.rows.map((r, i) => el('tr', {}, el('th', { scope: 'row', text: L('family_member', { n: i + 1 }) }), cell(r.si), cell(r.hi), el('td', { className: 'amount', text: money(r.total) })));
    const foot = el('tr', { className: 'total' }, el('th', { scope: 'row', text: L('family_total_row') }), el('td'), el('td'), el('td', { className: 'amount', text: money(b.total) }));
    return el('table', { className: 'table family-bill', id: 'family-bill' }, el('thead', {}, head), el('tbody', {}, ...rows, foot));
  }
  function render() {
    const list = el('div', { className: 'members' }, ...st.members.map(memberRow));
    const add = el('button', { type: 'button', id: 'family-add', text: L('family_add'), disabled: st.members.length >= MAX_MEMBERS });
    add.addEventListener('click', () => {
      st.members.push(newMember());
      changed();
    });
    const period = select('family-period', L('family_period'), FAMILY_PERIODS.map((p) => [p, L('family_months', { n: p })]), st.months, (v) => {
      st.months = v;
      changed();
    });
    const out = el('div', { id: 'family-result', role: 'status' });
    const seq = ++asked;
    compute().then(
      (bill) => {
        if (seq !== asked) return;
        last = bill;
        const local = bill.local > 0 ? L('family_summary_local', { local: money(bill.local) }) : '';
        out.replaceChildren(
          el('p', { className: 'family-total', id: 'family-total', text: L('family_summary', { total: money(bill.total), months: bill.months, state: money(bill.state), local }) }),
          billTable(bill),
        );
      },
      (e) => {
        if (seq !== asked) return;
        last = null;
        const message = (opts.lang() === 'en' ? e.message : e.message_vi) ?? String(e);
        out.replaceChildren(el('p', { className: 'error', text: e.member ? L('family_error', { n: e.member, message }) : message }));
      },
    );
    host.replaceChildren(
      el('h2', { id: 'family-title', text: L('family_title') }),
      el('p', { className: 'note', text: L('family_intro') }),
      period,
      list,
      add,
      out,
    );
  }
  render();
  return { render, state: st, bill: () => last };
}
