// Type declarations of the `bhxh` npm package: the JSON contract (schema version 1) of the
// engine for Vietnam's voluntary social insurance (BHXH tự nguyện).
//
// Conventions of the contract:
// - money is a JSON integer of whole đồng: `number` here (always a safe integer);
// - rates, years and coefficients are exact decimals as strings (`"0.22"`, `"20.5"`);
// - months are `"YYYY-MM"`, dates `"YYYY-MM-DD"` (a birth date may be `"YYYY-MM"` or `"YYYY"`).
// Unknown request fields are rejected with the error `unknown_field`. The engine may add
// response fields over time, never rename or drop the ones declared here.

// ---------------------------------------------------------------------------------------
// Scalars

/** Whole đồng (a safe integer). */
export type Money = number;
/** An exact decimal as a string, e.g. `"0.22"` or `"20.5"`. */
export type Decimal = string;
/** A month, `"YYYY-MM"`. */
export type Month = string;
/** A date, `"YYYY-MM-DD"`. */
export type DateString = string;
/** A birth date: `"YYYY-MM-DD"`, `"YYYY-MM"` or `"YYYY"` (day/month unknown). */
export type BirthDate = string;

export type Sex = 'male' | 'female';

/**
 * A participant category. Local data may add codes (e.g. `"ho_chi_minh_poor"`), which
 * need the matching `province`. When several apply, the highest support wins.
 */
export type Category =
  | 'poor'
  | 'near_poor'
  | 'ethnic_minority'
  | 'island_or_special_zone'
  | 'other'
  | (string & {});

/** Province slug (lowercase ASCII), e.g. `"ha_noi"`, `"hue"`, `"ho_chi_minh"`. */
export type Province = string;

/** Payment method (phương thức đóng). */
export type Method =
  | 'monthly'
  | 'every_3_months'
  | 'every_6_months'
  | 'every_12_months'
  | 'advance'
  | 'back_payment';

/** Confidence grade of a legal parameter value: verified, secondary source, derived, unverified. */
export type Confidence = 'V' | 'S' | 'D' | 'U';

/** An age. */
export interface Age {
  years: number;
  months: number;
}

/** One period of a contribution history, months inclusive. */
export interface Period {
  from: Month;
  to: Month;
  /** Monthly income (voluntary) or salary (compulsory). */
  income: Money;
  /** Default `"voluntary"`. */
  scheme?: 'voluntary' | 'compulsory';
  /** Paid as a back payment (coefficient 1.00, no support). */
  back_paid?: boolean;
  /** Categories for the support received (default `["other"]`). */
  categories?: Category[];
  /** Province for provincial top-ups. */
  province?: Province;
}

// ---------------------------------------------------------------------------------------
// Envelope

/** A parameter overlay for what-if calculations, keyed by parameter id (see docs/parameters.md). */
export interface ParameterOverlay {
  [parameterId: string]: {
    /** Drop the built-in values first. */
    replace?: boolean;
    values?: Array<{
      from: Month;
      value: unknown;
      citation?: Partial<Citation>;
      confidence?: Confidence;
      note?: string;
    }>;
    /** `local_support` only: whole provinces, replaced or added. */
    provinces?: Record<Province, unknown>;
  };
}

/** Fields every request may carry. */
export interface Envelope {
  /** Overrides dated parameter values (a what-if). */
  parameters?: ParameterOverlay;
  /** `false` skips building the explanation (warnings and receipt are still returned). */
  trace?: boolean;
}

/** One step of the explanation. */
export interface TraceStep {
  /** Stable name of the quantity, e.g. `"income_floor"`. */
  step: string;
  /** Its value: an integer of đồng, a count, or a string (rates, months, codes). */
  value: number | string | boolean | null | Record<string, unknown> | unknown[];
  /** The formula, in symbols and numbers. */
  formula: string;
  /** Legal basis (document and article) or a decision id (K-…). */
  citation: string;
  /** Confidence of the cited parameter, when the step uses one. */
  confidence?: Confidence;
  text_vi: string;
  text_en: string;
}

export interface Warning {
  /** e.g. `"parameter_extrapolated"`. */
  code: string;
  message: string;
  message_vi: string;
}

export interface Receipt {
  engine_version: string;
  /** Fingerprint of the parameter set used (built-in data plus any overlay). */
  parameters_hash: string;
}

/** What every success response carries besides the calculation's own fields. */
export interface ResponseBase<C extends string> {
  calculation: C;
  trace: TraceStep[];
  warnings: Warning[];
  receipt: Receipt;
}

/** The contract's error object (`{"error": ErrorObject}` on the wire). */
export interface ErrorObject {
  code: string;
  message: string;
  message_vi: string;
  /** JSON path of the offending input, e.g. `"income"`, `"history[2].to"`. */
  field?: string;
}

// ---------------------------------------------------------------------------------------
// contribution — what to pay for a period

export interface ContributionRequest extends Envelope {
  calculation: 'contribution';
  payment_month: Month;
  income: Money;
  method: Method;
  /** `advance`: 24, 36, 48 or 60; `back_payment`: 1 to 60; other methods: omitted or their length. */
  months?: number;
  /** Default `["other"]`. */
  categories?: Category[];
  province?: Province;
  /** Months already subsidised in earlier payments (0..=120, default 0). */
  subsidised_months_before?: number;
  /** Average monthly investment rate of the fund for advance/back payments. */
  fund_rate_monthly?: Decimal;
}

export interface ContributionMonth {
  month: Month;
  gross: Money;
  state_support: Money;
  local_support: Money;
}

export interface ContributionResult {
  months_covered: number;
  income_floor: Money;
  income_ceiling: Money;
  gross: Money;
  state_support: Money;
  local_support: Money;
  discount: Money;
  interest: Money;
  /** gross − state_support − local_support − discount + interest. */
  payable: Money;
  per_month: ContributionMonth[];
  regime: 'law_2024' | 'law_2014';
  /** The category whose support applies. */
  support_category: Category;
  subsidised_months: number;
  fund_rate_monthly?: Decimal;
  payment_month: Month;
  income: Money;
  method: Method;
}

// ---------------------------------------------------------------------------------------
// refund — the unused months of a prepaid payment (decision K-7)

export type RefundReason = 'compulsory_insurance' | 'lump_sum' | 'death' | 'pension';

export interface RefundRequest extends Envelope {
  calculation: 'refund';
  /** The prepaid payment, as in `contribution` (`every_3_months`, `every_6_months`, `every_12_months` or `advance`). */
  payment_month: Month;
  income: Money;
  method: Method;
  months?: number;
  categories?: Category[];
  province?: Province;
  subsidised_months_before?: number;
  fund_rate_monthly?: Decimal;
  reason: RefundReason;
  /** The first covered month to refund; it must lie inside the prepaid period. */
  from_month: Month;
}

export interface RefundResult {
  months_refunded: number;
  /** The unused months' contributions (discounted as at payment for an advance). */
  contributions: Money;
  /** Their support (national and provincial, nominal), which goes back to the budget. */
  support_excluded: Money;
  /** max(0, contributions − support_excluded). */
  amount: Money;
  reason: RefundReason;
  method: Method;
  months_covered: number;
  /** What was paid for the whole period. */
  payable: Money;
  fund_rate_monthly?: Decimal;
}

// ---------------------------------------------------------------------------------------
// health_insurance — household health insurance for one period (rules §6b, decision K-21)

/** Health-insurance groups (rule H-3); `self_paying` when none applies. Provincial data adds
 * groups of its own (e.g. `ha_noi_age_70_74`), valid with that province. */
export type HealthGroup =
  | (string & {})
  | 'self_paying'
  | 'near_poor'
  | 'near_poor_poor_commune'
  | 'ethnic_minority_transition'
  | 'student'
  | 'community_worker'
  | 'agri_average';

/** `household`: ranked, with the household reduction; `supported`: with the State support. */
export type HealthForm = 'household' | 'supported';

export interface HealthMemberInput {
  /** Default `self_paying`. */
  group?: HealthGroup;
  /** Default: the engine takes the cheaper total for the household (decision K-21). */
  form?: HealthForm;
  /** Echoed in the result (at most 80 characters kept). */
  label?: string;
}

export interface HealthInsuranceRequest extends Envelope {
  calculation: 'health_insurance';
  /** The base salary of this month prices the whole period. */
  payment_month: Month;
  /** 3, 6 or 12 (default 12). */
  months?: number;
  /** 1 to 20 members, in the order of joining. */
  members: HealthMemberInput[];
  /** Members of the household who joined earlier in the fiscal year (default 0). */
  already_enrolled?: number;
  /** Provincial top-ups in the data (Hanoi, Ho Chi Minh City, Hải Phòng); another province warns. */
  province?: Province;
  /** `YYYY-MM-DD`, in `payment_month`: adds `card_valid_from`. */
  payment_date?: string;
  /** `YYYY-MM-DD`; absent for a first card. */
  previous_card_expiry?: string;
}

export interface HealthMemberResult {
  label?: string;
  group: HealthGroup;
  form: HealthForm;
  /** Rank in the household; `null` for a supported member. */
  rank: number | null;
  /** Share of the first member's amount ("1", "0.7", …; for a supported member 1 − support). */
  share: Decimal;
  /** The State's share ("0" in the household form). */
  support_rate: Decimal;
  /** The province's added share ("0" without a provincial top-up). */
  local_support_rate: Decimal;
  monthly: Money;
  state_support_monthly: Money;
  local_support_monthly: Money;
  /** monthly × months. */
  payable: Money;
}

export interface HealthInsuranceResult {
  /** Base salary at the payment month. */
  base: Money;
  /** 4.5 % of the base. */
  first_member_monthly: Money;
  months: number;
  members: HealthMemberResult[];
  total_payable: Money;
  total_state_support: Money;
  total_local_support: Money;
  /** `YYYY-MM-DD`, with `payment_date`. */
  card_valid_from?: string;
}

// ---------------------------------------------------------------------------------------
// retirement — retirement age and pension start

export interface RetirementRequest extends Envelope {
  calculation: 'retirement';
  sex: Sex;
  birth_date: BirthDate;
}

export interface RetirementResult {
  retirement_age: Age;
  age_reached_month: Month;
  /** First day of the month after the age is reached. */
  pension_start: DateString;
  /** 1 January or the 1st of the month when the birth date is partial. */
  birth_date_used: DateString;
}

// ---------------------------------------------------------------------------------------
// pension — eligibility and monthly pension

export interface PensionRequest extends Envelope {
  calculation: 'pension';
  sex: Sex;
  birth_date: BirthDate;
  history: Period[];
  /** Default: the earliest month the pension can start. */
  claim_month?: Month;
}

export interface PensionResult {
  eligible: boolean;
  /** When not eligible: `insufficient_contribution_months` or `not_yet_eligible`. */
  reason?: string;
  rule_set: 'law_2024' | 'law_2014';
  pension_start: DateString | null;
  contribution_months: number;
  years_for_rate: Decimal;
  rate: Decimal;
  /** Settlement year of the coefficient table used. */
  coefficient_table: number;
  average_income: Money;
  monthly_pension: Money;
  /** One-time allowance on retirement (0 when none). */
  retirement_allowance: Money;
  retirement_age: Age;
  age_reached_month: Month;
}

// ---------------------------------------------------------------------------------------
// lump_sum — one-time withdrawal

export type LumpSumReason =
  | 'retirement_age_without_pension'
  | 'emigration'
  | 'serious_illness'
  | 'severe_disability'
  | 'stopped_12_months';

export interface LumpSumRequest extends Envelope {
  calculation: 'lump_sum';
  reason: LumpSumReason;
  settlement_month: Month;
  history: Period[];
  /** The support received, when not derived from the history's categories. */
  support_received?: Money;
  /** Needed for `retirement_age_without_pension`. */
  sex?: Sex;
  /** Needed for `retirement_age_without_pension`. */
  birth_date?: BirthDate;
}

export interface LumpSumResult {
  eligible: boolean;
  /** When not eligible, e.g. `retirement_age_not_reached`, `twenty_years_or_more`. */
  reason?: string;
  contribution_months: number;
  years_before_2014: Decimal;
  years_from_2014: Decimal;
  average_income: Money;
  coefficient_table: number;
  gross_amount: Money;
  support_deducted: Money;
  amount: Money;
}

// ---------------------------------------------------------------------------------------
// death — benefits when a participant or pensioner dies

export interface DeathRequest extends Envelope {
  calculation: 'death';
  death_month: Month;
  /** A contributor's history (excludes `pension`). */
  history?: Period[];
  /** A pensioner (excludes `history` and `allowance`). */
  pension?: { monthly_amount: Money; start_month: Month };
  /**
   * A person receiving the art. 23 monthly allowance (needs `history`, which decides the
   * funeral allowance): `months` is the number of monthly payments granted (decision K-19).
   */
  allowance?: { monthly_amount: Money; first_month: Month; months: number };
}

export interface DeathResult {
  funeral_allowance: Money;
  survivor_lump_sum: Money;
  /** Always 0 for pure voluntary careers (the reason is in the trace). */
  monthly_survivor_allowance: Money;
  /** `null` for a pensioner. */
  contribution_months: number | null;
  /** `null` for a pensioner or an allowance recipient. */
  average_income: Money | null;
  /** A pensioner only. */
  months_of_pension?: Decimal;
  /** An allowance recipient only: months granted but not yet paid at death (K-19). */
  allowance_months_unpaid?: number;
}

// ---------------------------------------------------------------------------------------
// maternity — maternity allowance

export interface MaternityRequest extends Envelope {
  calculation: 'maternity';
  child_birth_month: Month;
  history: Period[];
  /** 1–20, default 1. */
  children?: number;
}

export interface MaternityResult {
  eligible: boolean;
  /** `before_2025_07` or `insufficient_contribution_months`. */
  reason?: string;
  months_in_window: number;
  amount: Money;
}

// ---------------------------------------------------------------------------------------
// monthly_allowance — art. 23 allowance for those without a pension

export interface MonthlyAllowanceRequest extends Envelope {
  calculation: 'monthly_allowance';
  sex: Sex;
  birth_date: BirthDate;
  history: Period[];
  settlement_month: Month;
  /** Default false. */
  poor_or_near_poor_household?: boolean;
}

export interface MonthlyAllowanceResult {
  eligible: boolean;
  reason?: string;
  /** Ttt. */
  months: number;
  /** What is actually paid (Tdt when Ttt is longer). */
  months_paid: number;
  monthly_amount: Money;
  /** Tdt. */
  months_to_social_pension: number;
  /** STmlct. */
  top_up_to_social_pension_age: Money;
  average_income: Money;
  contribution_months: number;
}

// ---------------------------------------------------------------------------------------
// social_pension — trợ cấp hưu trí xã hội

export interface SocialPensionRequest extends Envelope {
  calculation: 'social_pension';
  birth_date: BirthDate;
  month: Month;
  poor_or_near_poor_household: boolean;
  /** Default 0. */
  monthly_pension?: Money;
}

export interface SocialPensionResult {
  eligible: boolean;
  reason?: string;
  /** `null` when a pension at or above the allowance excludes it. */
  from_month: Month | null;
  monthly_amount: Money;
}

// ---------------------------------------------------------------------------------------
// estimate — "what will I get" (decision K-17: today's prices unless an inflation is assumed)

export interface EstimateAssumptions {
  /** Assumed annual inflation, `"0"` to `"0.5"`; adds the pension in money of the start year. */
  annual_inflation?: Decimal;
}

/** The fields of a projection (`estimate`, and each variant of `compare`). */
export interface ProjectionInput {
  /** Date of the estimate (there is no clock in the engine). */
  as_of: DateString;
  sex: Sex;
  birth_date: BirthDate;
  /** Default: the month after `as_of`. */
  start_month?: Month;
  /** Default `"monthly"`; `back_payment` is not a plan (see `shortfall`). */
  method?: Exclude<Method, 'back_payment'>;
  /** `advance` only: 24, 36, 48 or 60 (other methods: omitted or their own length). */
  months?: number;
  categories?: Category[];
  province?: Province;
  /** 1–60; default: contribute until retirement age. */
  contribution_years?: number;
  /** Contributions already made (before `start_month`). */
  history?: Period[];
  assumptions?: EstimateAssumptions;
  /**
   * Fewer than 15 years at retirement age: keep contributing until 180 months (`continue`,
   * default) or pay the missing months (≤ 60) in one go after retirement age (`back_payment`).
   */
  shortfall?: 'continue' | 'back_payment';
}

export interface EstimateRequest extends ProjectionInput, Envelope {
  calculation: 'estimate';
  income: Money;
}

/** One year of the projected payments. */
export interface ScheduleYear {
  year: number;
  months: number;
  /** The participant's own payments that year. */
  paid: Money;
  /** State and provincial support that year. */
  support: Money;
  cumulative_paid: Money;
}

/** The total a participant would pay under one payment method. */
export interface MethodCost {
  method: Exclude<Method, 'back_payment'>;
  months_per_payment: number;
  total_paid: Money;
  /** Positive: cheaper than paying monthly. */
  saving_vs_monthly: Money;
}

export interface EstimateResult {
  eligible: boolean;
  /** When not eligible. */
  reason?: string;
  pension_start: DateString | null;
  retirement_age: Age;
  age_reached_month: Month;
  contribution_months: number;
  /** The participant's own payments. */
  total_paid: Money;
  /** State and provincial support received. */
  total_support: Money;
  rate: Decimal;
  average_income: Money;
  monthly_pension: Money;
  /** With an assumed inflation: the pension in money of the pension-start year. */
  monthly_pension_nominal?: Money;
  retirement_allowance: Money;
  /** What a one-time withdrawal would pay instead, where the law allows one. */
  lump_sum_alternative: Money;
  /** The withdrawal reason `lump_sum_alternative` assumes (e.g. `"emigration"`). */
  lump_sum_reason: string;
  /** Age at which the pension received reaches `total_paid`. */
  break_even_age: Age | null;
  funeral_allowance: Money;
  /** Pensioners receive a free health-insurance card. */
  health_insurance: boolean;
  /** The assumptions applied (K-17), as named texts. */
  assumptions: Record<string, string>;
  schedule: ScheduleYear[];
  first_payment: { month: Month; months: number; payable: Money };
  /** The first payment's payable amount per month. */
  monthly_payment: Money;
  state_support_per_month: Money;
  local_support_per_month: Money;
  income_floor: Money;
  income_ceiling: Money;
  /** Total paid under each payment method, for comparison. */
  method_costs: MethodCost[];
  /** The history the pension is computed on (past and projected periods). */
  projected_history: Array<Required<Pick<Period, 'from' | 'to' | 'income' | 'scheme' | 'back_paid'>>>;
}

// ---------------------------------------------------------------------------------------
// minimum_income — the inverse question

export interface MinimumIncomeRequest extends ProjectionInput, Envelope {
  calculation: 'minimum_income';
  target_monthly_pension: Money;
}

export interface MinimumIncomeResult {
  /** The smallest valid income on the step that reaches the target. */
  income: Money;
  monthly_pension: Money;
  payable_per_month: Money;
  /** The pension one income step lower (below the target). */
  monthly_pension_one_step_lower: Money;
  target_monthly_pension: Money;
}

// ---------------------------------------------------------------------------------------
// compare — several estimates side by side

export interface CompareRequest extends Envelope {
  calculation: 'compare';
  /** The fields of an `estimate` (without `calculation`). */
  base: ProjectionInput & { income: Money };
  /** 1–20 variants: fields overriding the base, plus an optional `label`. */
  variants: Array<Partial<ProjectionInput & { income: Money }> & { label?: string }>;
}

export interface CompareVariant {
  label: string;
  /** The fields this variant changed. */
  overrides: Record<string, unknown>;
  income: Money;
  method: Method;
  monthly_payment: Money;
  support_per_month: Money;
  total_paid: Money;
  total_support: Money;
  eligible: boolean;
  pension_start: DateString | null;
  rate: Decimal;
  monthly_pension: Money;
  break_even_age: Age | null;
  lump_sum_alternative: Money;
}

export interface CompareResult {
  variants: CompareVariant[];
}

// ---------------------------------------------------------------------------------------
// Requests and responses

export type ContributionResponse = ResponseBase<'contribution'> & ContributionResult;
export type RefundResponse = ResponseBase<'refund'> & RefundResult;
export type RetirementResponse = ResponseBase<'retirement'> & RetirementResult;
export type PensionResponse = ResponseBase<'pension'> & PensionResult;
export type LumpSumResponse = ResponseBase<'lump_sum'> & LumpSumResult;
export type DeathResponse = ResponseBase<'death'> & DeathResult;
export type MaternityResponse = ResponseBase<'maternity'> & MaternityResult;
export type MonthlyAllowanceResponse = ResponseBase<'monthly_allowance'> & MonthlyAllowanceResult;
export type SocialPensionResponse = ResponseBase<'social_pension'> & SocialPensionResult;
export type EstimateResponse = ResponseBase<'estimate'> & EstimateResult;
export type MinimumIncomeResponse = ResponseBase<'minimum_income'> & MinimumIncomeResult;
export type CompareResponse = ResponseBase<'compare'> & CompareResult;
export type HealthInsuranceResponse = ResponseBase<'health_insurance'> & HealthInsuranceResult;

/** Every request of the contract, told apart by `calculation`. */
export type CalculationRequest =
  | ContributionRequest
  | RefundRequest
  | RetirementRequest
  | PensionRequest
  | LumpSumRequest
  | DeathRequest
  | MaternityRequest
  | MonthlyAllowanceRequest
  | SocialPensionRequest
  | EstimateRequest
  | MinimumIncomeRequest
  | CompareRequest
  | HealthInsuranceRequest;

/** Every success response of the contract. */
export type CalculationResponse =
  | ContributionResponse
  | RefundResponse
  | RetirementResponse
  | PensionResponse
  | LumpSumResponse
  | DeathResponse
  | MaternityResponse
  | MonthlyAllowanceResponse
  | SocialPensionResponse
  | EstimateResponse
  | MinimumIncomeResponse
  | CompareResponse
  | HealthInsuranceResponse;

/** The response type answering a request type. */
export type ResponseFor<R extends { calculation: string }> = Extract<
  CalculationResponse,
  { calculation: R['calculation'] }
>;

// ---------------------------------------------------------------------------------------
// Parameter catalogue

export interface Citation {
  document: string;
  document_vi: string;
  /** May be empty when the whole document is cited. */
  article: string;
}

export interface ParameterValue {
  /** First month the value applies. */
  from: Month;
  value: unknown;
  citation: Citation;
  confidence: Confidence;
  note?: string;
}

export interface ProvinceSupport {
  name_vi: string;
  name_en: string;
  local_categories?: Record<string, { label_vi: string; label_en: string; national_category: Category }>;
  values: ParameterValue[];
}

export interface Parameter {
  id: string;
  label_en: string;
  label_vi: string;
  description?: string;
  kind?: string;
  unit?: string;
  last_reviewed?: string;
  /** Dated values (absent for `local_support`, which has `provinces`). */
  values?: ParameterValue[];
  /** `local_support` only. */
  provinces?: Record<Province, ProvinceSupport>;
}

// ---------------------------------------------------------------------------------------
// Functions

/** A contract error: bad input, a parameter not in force, malformed JSON, … */
export class BhxhError extends Error {
  constructor(error: ErrorObject);
  readonly name: 'BhxhError';
  /** Stable snake_case code, e.g. `"income_below_floor"`. */
  readonly code: string;
  /** JSON path of the offending input, when there is one. */
  readonly field: string | undefined;
  /** The message in Vietnamese (`message` is English). */
  readonly message_vi: string;
  /** The wire form `{"error": {...}}`. */
  toJSON(): { error: ErrorObject };
}

export interface LoadOptions {
  /**
   * Browsers only: the `module_or_path` given to the web build's initialiser (a URL, a
   * `Response`, bytes or a compiled `WebAssembly.Module`). Default: `bhxh_wasm_bg.wasm`
   * next to the glue code.
   */
  wasm?: unknown;
}

/** Loads the WebAssembly module; await it once before anything else. */
export function load(options?: LoadOptions): Promise<void>;

/**
 * Evaluates a request and returns the response object.
 * @throws {BhxhError} on any contract error.
 */
export function evaluate<C extends CalculationRequest['calculation']>(
  request: Extract<CalculationRequest, { calculation: C }>,
  options?: EvaluateOptions,
): Extract<CalculationResponse, { calculation: C }>;
/** Evaluates a request given as JSON text. */
export function evaluate(request: string, options?: EvaluateOptions): CalculationResponse;

/** Options of `evaluate` and `evaluateJson`. */
export interface EvaluateOptions {
  /**
   * Size limit of the request's UTF-8 text in bytes (default 1 MiB = 1048576), checked
   * before parsing: a larger request is the error `request_too_large`.
   */
  maxRequestBytes?: number;
}

/**
 * Evaluates JSON text and returns JSON text: the response or `{"error": {...}}`; never
 * throws for bad input. Byte-identical to `bhxh eval`.
 */
export function evaluateJson(requestJson: string, options?: EvaluateOptions): string;

/** The engine version. */
export function version(): string;

/** The legal parameter catalogue, every value with its citation. */
export function parameters(): Parameter[];
