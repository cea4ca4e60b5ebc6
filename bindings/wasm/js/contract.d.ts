// GENERATED from the engine's JSON Schemas (crates/bhxh/src/io/schema.rs and the result
// types it derives from) by crates/bhxh-server/src/codegen.rs. Do not edit: run
// `BHXH_BLESS=1 cargo test -p bhxh-server --test generated` after changing a Rust type.
//
// Money is a JSON integer of whole đồng; exact decimals are strings ("0.22"); months are
// "YYYY-MM" and dates "YYYY-MM-DD".

/** A `contribution` request: what to pay for a period (rules §1, §2). */
export interface ContributionRequest {
  /** `"contribution"`. */
  calculation: 'contribution';
  /**
   * Participant categories (default `["other"]`): `poor`, `near_poor`,
   * `ethnic_minority`, `island_or_special_zone`, `other`, or a provincial category; the
   * most generous support applies (rules S-1).
   */
  categories?: string[] | null;
  /** Monthly fund rate overriding the published one, `"0"` to `"0.1"` (decision K-6). */
  fund_rate_monthly?: DecimalString | null;
  /**
   * Chosen monthly income, between the rural poverty line and 20 × the reference level,
   * on the income step (decision K-3).
   */
  income: Money;
  /** Payment method. */
  method: Method;
  /**
   * Months covered: required for `advance` (24, 36, 48 or 60, K-18) and `back_payment`
   * (1–60; up to 120 before 2025-07); with another method absent or that method's own
   * length (otherwise `months_not_applicable`).
   */
  months?: number | null;
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** Month of payment: its parameters apply to every covered month (rules A-5). */
  payment_month: YearMonth;
  /** Province, for its top-up. */
  province?: Province | null;
  /**
   * Supported months already received in the participant's life (default 0, 0–120,
   * decision K-8).
   */
  subsidised_months_before?: number | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface ContributionResponse {
  /** The calculation answered. */
  calculation: 'contribution';
  /** Advance-payment discount (K-4). */
  discount: number;
  /** Fund rate used, for advance and back payments. */
  fund_rate_monthly?: string;
  /** Undiscounted 22 % over the covered months. */
  gross: number;
  /** Echo of the chosen income. */
  income: number;
  /** Income ceiling in force (20 × reference level). */
  income_ceiling: number;
  /** Income floor in force (rural poverty line). */
  income_floor: number;
  /** Back-payment interest (K-5). */
  interest: number;
  /** Provincial support over the covered months. */
  local_support: number;
  /** Echo of the method. */
  method: Method;
  /** Months the payment covers. */
  months_covered: number;
  /** What the participant pays: gross − support − discount + interest. */
  payable: number;
  /** Echo of the payment month. */
  payment_month: YearMonth;
  /** Month-by-month breakdown. */
  per_month: MonthLine[];
  /** Provenance. */
  receipt: Receipt;
  /** `law_2024` for payment months from 2025-07, else `law_2014` (K-16). */
  regime: string;
  /** National support over the covered months. */
  state_support: number;
  /** Covered months that received support. */
  subsidised_months: number;
  /** The category whose support applies. */
  support_category: string;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** A `refund` request: the unused months of a prepaid payment (rule C-9, decision K-7). */
export interface RefundRequest {
  /** `"refund"`. */
  calculation: 'refund';
  /** The payment's participant categories (default `["other"]`). */
  categories?: string[] | null;
  /** The first covered month refunded (inside the prepaid period). */
  from_month: YearMonth;
  /** The fund rate of the payment, `"0"` to `"0.1"` (decision K-6). */
  fund_rate_monthly?: DecimalString | null;
  /** The payment's monthly income. */
  income: Money;
  /**
   * The payment's method: only `every_3_months`, `every_6_months`, `every_12_months` and
   * `advance` are prepaid (otherwise `method_not_prepaid`).
   */
  method: Method;
  /** Months covered, as in `contribution`. */
  months?: number | null;
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** Month of the prepaid payment. */
  payment_month: YearMonth;
  /** The payment's province. */
  province?: Province | null;
  /** Why the months are refunded. */
  reason: RefundReason;
  /** Supported months received before the payment (default 0). */
  subsidised_months_before?: number | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface RefundResponse {
  /** The refund: contributions − support, never below 0. */
  amount: number;
  /** The calculation answered. */
  calculation: 'refund';
  /** Their contributions: 0.22 × income each; discounted as at payment for an advance. */
  contributions: number;
  /** The fund rate used at payment (advance only). */
  fund_rate_monthly?: string;
  /** Echo: the method of the payment. */
  method: Method;
  /** The months the payment covered. */
  months_covered: number;
  /** Unused months refunded (from `from_month` to the end of the period). */
  months_refunded: number;
  /** What the participant paid for the whole period. */
  payable: number;
  /** Echo: why. */
  reason: RefundReason;
  /** Provenance. */
  receipt: Receipt;
  /** The support of those months (national and provincial, nominal), not refunded. */
  support_excluded: number;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** A `retirement` request: retirement age and pension start (rules 3.1). */
export interface RetirementRequest {
  /** Birth date. */
  birth_date: BirthDate;
  /** `"retirement"`. */
  calculation: 'retirement';
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** Sex. */
  sex: Sex;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface RetirementResponse {
  /** The month in which it is reached. */
  age_reached_month: YearMonth;
  /** The birth date used (1 January or the 1st of the month when not fully known). */
  birth_date_used: string;
  /** The calculation answered. */
  calculation: 'retirement';
  /** First day of the following month. */
  pension_start: string;
  /** Provenance. */
  receipt: Receipt;
  /** The retirement age that applies. */
  retirement_age: Age;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** A `pension` request: eligibility and monthly pension (rules 3.2–3.8). */
export interface PensionRequest {
  /** Birth date. */
  birth_date: BirthDate;
  /** `"pension"`. */
  calculation: 'pension';
  /** Month the pension is claimed (default: the first month it can start). */
  claim_month?: YearMonth | null;
  /** The contributions. */
  history: HistoryPeriod[];
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** Sex. */
  sex: Sex;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface PensionResponse {
  /** Month in which that age is reached. */
  age_reached_month: YearMonth;
  /** Mbq. */
  average_income: number;
  /** The calculation answered. */
  calculation: 'pension';
  /** Settlement year of the coefficient table used. */
  coefficient_table: number;
  /** Months of contributions. */
  contribution_months: number;
  /** Whether a pension is payable. */
  eligible: boolean;
  /** Monthly pension. */
  monthly_pension: number;
  /** First day of the pension (`null` when not eligible). */
  pension_start: string | null;
  /** Pension rate. */
  rate: string;
  /** Why not, when not eligible. */
  reason?: string;
  /** Provenance. */
  receipt: Receipt;
  /** Retirement age that applies (roadmap, or 60/55 under art. 141.9). */
  retirement_age: Age;
  /** One-time allowance on retirement (art. 100; 0 when none). */
  retirement_allowance: number;
  /** `law_2024` or `law_2014` (decision K-16). */
  rule_set: string;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
  /** Years counted for the rate, with half years (K-11). */
  years_for_rate: string;
}

/** A `lump_sum` request: the one-time withdrawal (rules §4). */
export interface LumpSumRequest {
  /** Birth date: required for `retirement_age_without_pension`, accepted otherwise. */
  birth_date?: BirthDate | null;
  /** `"lump_sum"`. */
  calculation: 'lump_sum';
  /** The contributions (they give the average income). */
  history: HistoryPeriod[];
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** The ground of the withdrawal (Law 41/2024 art. 102.1). */
  reason: Reason;
  /** Month of the settlement. */
  settlement_month: YearMonth;
  /** Sex: required for `retirement_age_without_pension`, accepted otherwise. */
  sex?: Sex | null;
  /**
   * The support to deduct, when known, instead of deriving it from the periods'
   * categories and province.
   */
  support_received?: Money | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface LumpSumResponse {
  /** Amount paid. */
  amount: number;
  /** Mbq. */
  average_income: number;
  /** The calculation answered. */
  calculation: 'lump_sum';
  /** Settlement year of the coefficient table. */
  coefficient_table: number;
  /** Months of contributions. */
  contribution_months: number;
  /** Whether the withdrawal is allowed for the reason given. */
  eligible: boolean;
  /** Amount before the support deduction. */
  gross_amount: number;
  /** Why not. */
  reason?: string;
  /** Provenance. */
  receipt: Receipt;
  /** State and provincial support deducted. */
  support_deducted: number;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
  /** Years valued at 1.5 × Mbq (before 2014, whole years after the transfer). */
  years_before_2014: string;
  /** Years valued at 2 × Mbq (from 2014, with the transferred months and half years). */
  years_from_2014: string;
}

/**
 * A `death` request: benefits on the death of a contributor (`history`), a pensioner
 * (`pension`) or a person receiving the monthly allowance (`allowance` with `history`)
 * (rules §5). `pension` with `history` or with `allowance` is `conflicting_fields`;
 * neither `history` nor `pension` is `missing_field` on `history`.
 */
export interface DeathRequest {
  /** The deceased received the art. 23 monthly allowance (decision K-19). */
  allowance?: DeathAllowance | null;
  /** `"death"`. */
  calculation: 'death';
  /** Month of death. */
  death_month: YearMonth;
  /** The contributions (a contributor, or an allowance recipient with `allowance`). */
  history?: HistoryPeriod[] | null;
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** The deceased was a pensioner. */
  pension?: DeathPension | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface DeathResponse {
  /** Months of the art. 23 allowance not yet paid at death (allowance recipient, K-19). */
  allowance_months_unpaid?: number;
  /** Mbq (contributor), or `null` for a pensioner or an allowance recipient. */
  average_income: number | null;
  /** The calculation answered. */
  calculation: 'death';
  /**
   * Months of contributions (contributor or allowance recipient), or `null` for a
   * pensioner.
   */
  contribution_months: number | null;
  /** Funeral allowance. */
  funeral_allowance: number;
  /** Always 0 for purely voluntary careers. */
  monthly_survivor_allowance: number;
  /** Months of survivor lump sum (pensioner), as a decimal. */
  months_of_pension?: string;
  /** Provenance. */
  receipt: Receipt;
  /** Survivor lump sum. */
  survivor_lump_sum: number;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** A `maternity` request: the voluntary maternity allowance (rules §6). */
export interface MaternityRequest {
  /** `"maternity"`. */
  calculation: 'maternity';
  /** Month of the child's birth. */
  child_birth_month: YearMonth;
  /** Children born (default 1). */
  children?: number | null;
  /** The contributions. */
  history: HistoryPeriod[];
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface MaternityResponse {
  /** Amount. */
  amount: number;
  /** The calculation answered. */
  calculation: 'maternity';
  /** Whether the allowance is payable. */
  eligible: boolean;
  /** Contribution months in the 12 months before the birth. */
  months_in_window: number;
  /** Why not. */
  reason?: string;
  /** Provenance. */
  receipt: Receipt;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/**
 * A `monthly_allowance` request: the art. 23 allowance for those without a pension
 * (rules 3.12).
 */
export interface MonthlyAllowanceRequest {
  /** Birth date. */
  birth_date: BirthDate;
  /** `"monthly_allowance"`. */
  calculation: 'monthly_allowance';
  /** The contributions (none after the settlement month). */
  history: HistoryPeriod[];
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** A poor or near-poor household (social-pension age 70; default `false`). */
  poor_or_near_poor_household?: boolean | null;
  /** Month of the settlement. */
  settlement_month: YearMonth;
  /** Sex. */
  sex: Sex;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface MonthlyAllowanceResponse {
  /** Mbq. */
  average_income: number;
  /** The calculation answered. */
  calculation: 'monthly_allowance';
  /** Months of contributions. */
  contribution_months: number;
  /** Whether the allowance can be paid. */
  eligible: boolean;
  /** Monthly amount. */
  monthly_amount: number;
  /** Ttt: months of allowance the contributions buy. */
  months: number;
  /** Months actually paid: Ttt, or Tdt when Ttt is longer. */
  months_paid: number;
  /** Tdt: months from the settlement month to social-pension age. */
  months_to_social_pension: number;
  /** Why not. */
  reason?: string;
  /** Provenance. */
  receipt: Receipt;
  /** STmlct: what the person may pay to be paid until social-pension age. */
  top_up_to_social_pension_age: number;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** A `social_pension` request: the social pension allowance (rules 3.13). */
export interface SocialPensionRequest {
  /** Birth date. */
  birth_date: BirthDate;
  /** `"social_pension"`. */
  calculation: 'social_pension';
  /** The month asked about. */
  month: YearMonth;
  /** A pension already received (default 0). */
  monthly_pension?: Money | null;
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** A poor or near-poor household (default `false`). */
  poor_or_near_poor_household?: boolean | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface SocialPensionResponse {
  /** The calculation answered. */
  calculation: 'social_pension';
  /** Whether the allowance is payable in `month`. */
  eligible: boolean;
  /**
   * First month it is payable (age reached, at the earliest 2025-07), `null` when a
   * pension excludes it.
   */
  from_month: YearMonth | null;
  /** Amount (0 when not eligible). */
  monthly_amount: number;
  /** Why not. */
  reason?: string;
  /** Provenance. */
  receipt: Receipt;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** An `estimate` request: what a plan of contributions gives (decision K-17). */
export interface EstimateRequest {
  /** Date of the estimate. */
  as_of: IsoDate;
  /** Assumptions of the projection. */
  assumptions?: Assumptions | null;
  /** Birth date (not after `as_of`, at most 120 years before it). */
  birth_date: BirthDate;
  /** `"estimate"`. */
  calculation: 'estimate';
  /** Participant categories (default `["other"]`). */
  categories?: string[] | null;
  /** Years of contributions planned (default: until retirement age). */
  contribution_years?: number | null;
  /** Contributions already made, ending before `start_month`. */
  history?: HistoryPeriod[] | null;
  /** Chosen monthly income. */
  income: Money;
  /** Payment method (default `monthly`). */
  method?: PlanMethod | null;
  /**
   * With `advance`: its length (default the longest allowed); with another method
   * absent or that method's own length.
   */
  months?: number | null;
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** Province, for its top-up. */
  province?: Province | null;
  /** Sex. */
  sex: Sex;
  /** What to do when 15 years are not reached at retirement age (default `continue`). */
  shortfall?: Shortfall | null;
  /**
   * First month of the plan (default: the month after `as_of`; not before the month of
   * `as_of`).
   */
  start_month?: YearMonth | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface EstimateResponse {
  /** Month it is reached. */
  age_reached_month: YearMonth;
  /** Assumptions applied. */
  assumptions: unknown;
  /** Average monthly income of the projected history (Mbq). */
  average_income: number;
  /** Age at which pensions received cover `total_paid` (less the allowance). */
  break_even_age: Age | null;
  /** The calculation answered. */
  calculation: 'estimate';
  /** Total months (existing + planned + back-paid). */
  contribution_months: number;
  /** Whether the projected history gives a pension. */
  eligible: boolean;
  /** The first payment. */
  first_payment: FirstPayment;
  /** Funeral allowance the family would receive (today's reference level). */
  funeral_allowance: number;
  /** Pensioners receive a free health-insurance card. */
  health_insurance: boolean;
  /** Income ceiling at the start. */
  income_ceiling: number;
  /** Income floor at the start. */
  income_floor: number;
  /** Provincial support per month at the start. */
  local_support_per_month: number;
  /** What a lump-sum withdrawal would pay instead, where the law allows one. */
  lump_sum_alternative: number;
  /**
   * The withdrawal reason that allows it (`emigration` when a pension is due,
   * `retirement_age_without_pension` otherwise).
   */
  lump_sum_reason: string;
  /** Cost of the plan under each payment method. */
  method_costs: MethodCost[];
  /** First payment per month covered. */
  monthly_payment: number;
  /** Monthly pension (today's prices). */
  monthly_pension: number;
  /** The same in money of the pension-start year, when an inflation is assumed. */
  monthly_pension_nominal?: number;
  /** First day of the pension. */
  pension_start: string | null;
  /** The projected history the pension is computed from. */
  projected_history: PeriodOut[];
  /** Pension rate. */
  rate: string;
  /** Why not. */
  reason?: string;
  /** Provenance. */
  receipt: Receipt;
  /** Retirement age that applies. */
  retirement_age: Age;
  /** One-time allowance on retirement. */
  retirement_allowance: number;
  /** Payments by calendar year. */
  schedule: YearLine[];
  /** National support per month at the start. */
  state_support_per_month: number;
  /** The participant's own payments over the plan. */
  total_paid: number;
  /** State and provincial support over the plan. */
  total_support: number;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** A `minimum_income` request: the smallest income whose plan reaches a target pension. */
export interface MinimumIncomeRequest {
  /** Date of the estimate. */
  as_of: IsoDate;
  /** Assumptions of the projection. */
  assumptions?: Assumptions | null;
  /** Birth date (not after `as_of`, at most 120 years before it). */
  birth_date: BirthDate;
  /** `"minimum_income"`. */
  calculation: 'minimum_income';
  /** Participant categories (default `["other"]`). */
  categories?: string[] | null;
  /** Years of contributions planned (default: until retirement age). */
  contribution_years?: number | null;
  /** Contributions already made, ending before `start_month`. */
  history?: HistoryPeriod[] | null;
  /** Payment method (default `monthly`). */
  method?: PlanMethod | null;
  /**
   * With `advance`: its length (default the longest allowed); with another method
   * absent or that method's own length.
   */
  months?: number | null;
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** Province, for its top-up. */
  province?: Province | null;
  /** Sex. */
  sex: Sex;
  /** What to do when 15 years are not reached at retirement age (default `continue`). */
  shortfall?: Shortfall | null;
  /**
   * First month of the plan (default: the month after `as_of`; not before the month of
   * `as_of`).
   */
  start_month?: YearMonth | null;
  /** The monthly pension wanted. */
  target_monthly_pension: Money;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface MinimumIncomeResponse {
  /** The calculation answered. */
  calculation: 'minimum_income';
  /** The smallest valid income on the step that reaches the target. */
  income: number;
  /** The pension at that income. */
  monthly_pension: number;
  /** The pension one step lower (0 at the floor). */
  monthly_pension_one_step_lower: number;
  /** What the participant pays per month at that income (first payment). */
  payable_per_month: number;
  /** Provenance. */
  receipt: Receipt;
  /** The target. */
  target_monthly_pension: number;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/**
 * A `health_insurance` request: household health insurance for one period (rules §6b,
 * decision K-21).
 */
export interface HealthInsuranceRequest {
  /** Members of the household who joined earlier in the fiscal year (default 0). */
  already_enrolled?: number | null;
  /** `"health_insurance"`. */
  calculation: 'health_insurance';
  /** The members paying now, in the order of joining. */
  members: Member[];
  /** Months paid: 3, 6 or 12 (default 12; otherwise `period_months_not_allowed`). */
  months?: number | null;
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /** Day of the payment, in `payment_month`: gives `card_valid_from`. */
  payment_date?: IsoDate | null;
  /** Month of the payment: its base salary prices the whole period. */
  payment_month: YearMonth;
  /** Expiry of the previous card (absent for a first card). */
  previous_card_expiry?: IsoDate | null;
  /** Province, for its health-insurance top-ups and groups. */
  province?: Province | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface HealthInsuranceResponse {
  /** Base salary (reference level) at the payment month. */
  base: number;
  /** The calculation answered. */
  calculation: 'health_insurance';
  /** First day the card is valid (with `payment_date`). */
  card_valid_from?: string;
  /** The first member's monthly amount (rate × base). */
  first_member_monthly: number;
  /** Each member, in the request's order. */
  members: MemberResult[];
  /** Months paid. */
  months: number;
  /** Provenance. */
  receipt: Receipt;
  /** Paid by the province for the period. */
  total_local_support: number;
  /** Paid by the household for the period. */
  total_payable: number;
  /** Paid by the State for the period. */
  total_state_support: number;
  /** The explanation. */
  trace: TraceStep[];
  /** Warnings. */
  warnings: Warning[];
}

/** A `compare` request: plans side by side, each variant the base with its overrides. */
export interface CompareRequest {
  /** The estimate fields shared by the variants. */
  base: PlanFields;
  /** `"compare"`. */
  calculation: 'compare';
  /**
   * A parameter overlay for a what-if: dated values of legal parameters that replace or
   * add to the built-in ones, in the shape of the parameter files
   * (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
   */
  parameters?: Record<string, unknown> | null;
  /**
   * `false` skips building the explanation: the response's `trace` is then empty (its
   * warnings and receipt remain). Default `true`.
   */
  trace?: boolean | null;
  /** The variants, in the order answered. */
  variants: CompareVariant[];
}

/**
 * A success response: the calculation's fields at the top level, then trace, warnings
 * and receipt.
 */
export interface CompareResponse {
  /** The calculation answered. */
  calculation: 'compare';
  /** Provenance. */
  receipt: Receipt;
  /** The explanation. */
  trace: TraceStep[];
  /** Variants in the order given. */
  variants: Variant[];
  /** Warnings. */
  warnings: Warning[];
}

/** An error response. */
export interface ErrorResponse {
  /** What went wrong. */
  error: ErrorObject;
}

/** An age in years and months. */
export interface Age {
  /** Extra months, 0–11. */
  months: number;
  /** Whole years. */
  years: number;
}

/** Assumptions of a projection (decision K-17). */
export interface Assumptions {
  /** Yearly inflation, `"0"` to `"0.5"`: gives `monthly_pension_nominal`. */
  annual_inflation?: DecimalString | null;
}

/** A birth date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the day or the month is unknown (the engine then uses the 1st of the month or 1 January, rules 3.1); years 1900–2200. */
export type BirthDate = string;

/**
 * One variant of a `compare` request: a label and the estimate fields it overrides (a
 * `null` removes the base's value).
 */
export interface CompareVariant {
  /** Date of the estimate. */
  as_of?: IsoDate | null;
  /** Assumptions of the projection. */
  assumptions?: Assumptions | null;
  /** Birth date. */
  birth_date?: BirthDate | null;
  /** Participant categories (default `["other"]`). */
  categories?: string[] | null;
  /** Years of contributions planned (default: until retirement age). */
  contribution_years?: number | null;
  /** Contributions already made, ending before `start_month`. */
  history?: HistoryPeriod[] | null;
  /** Chosen monthly income. */
  income?: Money | null;
  /** Label (default: made from the overrides). */
  label?: string;
  /** Payment method (default `monthly`). */
  method?: PlanMethod | null;
  /**
   * With `advance`: its length (default the longest allowed); with another method
   * absent or that method's own length.
   */
  months?: number | null;
  /** Province, for its top-up. */
  province?: Province | null;
  /** Sex. */
  sex?: Sex | null;
  /** What to do when 15 years are not reached at retirement age (default `continue`). */
  shortfall?: Shortfall | null;
  /**
   * First month of the plan (default: the month after `as_of`; not before the month of
   * `as_of`).
   */
  start_month?: YearMonth | null;
}

/** Confidence grade of a value (`rules.md` §0.1). */
export type Confidence = 'V' | 'S' | 'D' | 'U';

/** The monthly allowance of a deceased allowance recipient. */
export interface DeathAllowance {
  /** First month paid (from 2025-07, not after the month of death). */
  first_month: YearMonth;
  /** Monthly amount. */
  monthly_amount: Money;
  /** Monthly payments granted (Ttt or Tdt). */
  months: number;
}

/** The pension of a deceased pensioner. */
export interface DeathPension {
  /** Monthly pension. */
  monthly_amount: Money;
  /** First month of the pension (not after the month of death). */
  start_month: YearMonth;
}

/** An exact decimal written as a JSON string (`"0.03"`), never a JSON number; at most 30 characters. */
export type DecimalString = string;

/** What went wrong with a request. */
export interface ErrorObject {
  /** Stable snake_case code (`docs/contract.md`, *Error codes*). */
  code: string;
  /**
   * JSON path of the input at fault (`income`, `history[2].from`, `$` for the request
   * itself), when there is one.
   */
  field?: string;
  /** English message. */
  message: string;
  /** Vietnamese message. */
  message_vi: string;
}

/** The first payment. */
export interface FirstPayment {
  /** Payment month. */
  month: YearMonth;
  /** Months covered. */
  months: number;
  /** Payable. */
  payable: number;
}

/** How a member joins (HI Law art. 13.5.e; decision K-21). */
export type Form = 'household' | 'supported';

/** One period of a contribution history, months inclusive. */
export interface HistoryPeriod {
  /** The months were paid later as a back payment (default `false`). */
  back_paid?: boolean | null;
  /** The participant categories whose support the months received (not empty). */
  categories?: string[] | null;
  /** First month. */
  from: YearMonth;
  /** Monthly income declared (for compulsory months: the salary). */
  income: Money;
  /** The province whose top-up the months received. */
  province?: Province | null;
  /** `voluntary` (the default) or `compulsory`. */
  scheme?: Scheme | null;
  /**
   * Last month (not before `from`; not after the settlement, death or start month where
   * the calculation has one, `future_period`).
   */
  to: YearMonth;
}

/** A calendar date, `YYYY-MM-DD` (a real day; years 1900–2200). */
export type IsoDate = string;

/** One member of a `health_insurance` request. */
export interface Member {
  /** How the member joins (default: the engine chooses, decision K-21). */
  form?: Form | null;
  /**
   * Group code (default `self_paying`): `near_poor`, `near_poor_poor_commune`,
   * `ethnic_minority_transition`, `student`, `community_worker`, `agri_average`, or a
   * provincial group (the list is data, `bhxh params`).
   */
  group?: string | null;
  /** A free label, echoed (at most 80 characters kept). */
  label?: string | null;
}

/** One member's amounts. */
export interface MemberResult {
  /** How the member joins. */
  form: Form;
  /** Group code. */
  group: string;
  /** The request's label. */
  label?: string;
  /** Paid by the province per month. */
  local_support_monthly: number;
  /** The province's added share of the first member's amount (rule S-5). */
  local_support_rate: string;
  /** Paid by the member per month. */
  monthly: number;
  /** Paid by the member for the period. */
  payable: number;
  /** Rank in the household (`null` for a supported member). */
  rank: number | null;
  /** The member's amount as a share of the first member's. */
  share: string;
  /** Paid by the State per month. */
  state_support_monthly: number;
  /** The State's share of the first member's amount. */
  support_rate: string;
}

/** How the participant pays (Law 41/2024 art. 36.2). */
export type Method = 'monthly' | 'every_3_months' | 'every_6_months' | 'every_12_months' | 'advance' | 'back_payment';

/** What one payment method costs for the plan. */
export interface MethodCost {
  /** Method. */
  method: Method;
  /** Months per payment. */
  months_per_payment: number;
  /** Saving against paying monthly (negative: costs more). */
  saving_vs_monthly: number;
  /** Total paid by the participant for the regular months of the plan. */
  total_paid: number;
}

/** A whole number of đồng from 0 to 10^15: a JSON integer, never a fraction or a string. */
export type Money = number;

/** One covered month of a payment. */
export interface MonthLine {
  /** 22 % of the income. */
  gross: number;
  /** Provincial support. */
  local_support: number;
  /** The month (for a back payment: a label for the i-th missing month, see K-5). */
  month: YearMonth;
  /** National support. */
  state_support: number;
}

/** A period of the projected history (as in a `pension` request). */
export interface PeriodOut {
  /** Back-paid. */
  back_paid: boolean;
  /** First month. */
  from: YearMonth;
  /** Income. */
  income: number;
  /** `voluntary` / `compulsory`. */
  scheme: string;
  /** Last month. */
  to: YearMonth;
}

/**
 * Estimate fields, each optional: a field needed by the estimate (`as_of`, `sex`,
 * `birth_date`, `income`) may come from the base or from every variant.
 */
export interface PlanFields {
  /** Date of the estimate. */
  as_of?: IsoDate | null;
  /** Assumptions of the projection. */
  assumptions?: Assumptions | null;
  /** Birth date. */
  birth_date?: BirthDate | null;
  /** Participant categories (default `["other"]`). */
  categories?: string[] | null;
  /** Years of contributions planned (default: until retirement age). */
  contribution_years?: number | null;
  /** Contributions already made, ending before `start_month`. */
  history?: HistoryPeriod[] | null;
  /** Chosen monthly income. */
  income?: Money | null;
  /** Payment method (default `monthly`). */
  method?: PlanMethod | null;
  /**
   * With `advance`: its length (default the longest allowed); with another method
   * absent or that method's own length.
   */
  months?: number | null;
  /** Province, for its top-up. */
  province?: Province | null;
  /** Sex. */
  sex?: Sex | null;
  /** What to do when 15 years are not reached at retirement age (default `continue`). */
  shortfall?: Shortfall | null;
  /**
   * First month of the plan (default: the month after `as_of`; not before the month of
   * `as_of`).
   */
  start_month?: YearMonth | null;
}

/**
 * A regular payment method: a plan's back payment is decided by `shortfall`, so
 * `back_payment` is refused (`value_out_of_range`).
 */
export type PlanMethod = 'monthly' | 'every_3_months' | 'every_6_months' | 'every_12_months' | 'advance';

/** A province: the lowercase ASCII slug of a province or city after the July 2025 merger (`ha_noi`, `hue`, `ho_chi_minh`, …) or of a former province merged into one (`vinh_phuc`, …; decision K-9). Another slug is `unknown_province`. */
export type Province = string;

/** The withdrawal reasons of art. 102.1. */
export type Reason = 'retirement_age_without_pension' | 'emigration' | 'serious_illness' | 'severe_disability' | 'stopped_12_months';

/** Provenance of a response. */
export interface Receipt {
  /** Engine version. */
  engine_version: string;
  /** Fingerprint of the parameter set used (built-in data plus any overlay). */
  parameters_hash: string;
}

/** Why the unused months are refunded (Decree 159/2025 art. 8.1). */
export type RefundReason = 'compulsory_insurance' | 'lump_sum' | 'death' | 'pension';

/** Compulsory or voluntary contributions. */
export type Scheme = 'voluntary' | 'compulsory';

/** Sex, as the law distinguishes it for retirement age and pension rate. */
export type Sex = 'male' | 'female';

/** What to do when 15 years are not reached at retirement age. */
export type Shortfall = 'continue' | 'back_payment';

/** One step of a trace. */
export interface TraceStep {
  /** Legal basis (document and article) or decision id. */
  citation: string;
  /** Confidence grade of the cited parameter, when the step uses one. */
  confidence?: Confidence;
  /** The formula, in symbols and numbers. */
  formula: string;
  /** Stable name of the quantity (e.g. `income_floor`). */
  step: string;
  /** English sentence. */
  text_en: string;
  /** Vietnamese sentence. */
  text_vi: string;
  /** Its value: an integer of đồng, a count, or a string (rates, months, codes). */
  value: unknown;
}

/** One variant of a comparison. */
export interface Variant {
  /** Break-even age. */
  break_even_age: Age | null;
  /** Eligible for a pension. */
  eligible: boolean;
  /** The estimate's headline figures. */
  income: number;
  /** Label given (or built from the overrides). */
  label: string;
  /** Lump-sum alternative. */
  lump_sum_alternative: number;
  /** Payment method. */
  method: Method;
  /** First payment per month. */
  monthly_payment: number;
  /** Monthly pension. */
  monthly_pension: number;
  /** The overrides applied to the base. */
  overrides: unknown;
  /** Pension start. */
  pension_start: string | null;
  /** Rate. */
  rate: string;
  /** State + province per month at the start. */
  support_per_month: number;
  /** Total paid. */
  total_paid: number;
  /** Total support. */
  total_support: number;
}

/** A warning carried in the response (never an error). */
export interface Warning {
  /** Stable code, e.g. `parameter_extrapolated`. */
  code: string;
  /** English message. */
  message: string;
  /** Vietnamese message. */
  message_vi: string;
}

/** A year of the schedule. */
export interface YearLine {
  /** Paid so far. */
  cumulative_paid: number;
  /** Months covered by the payments made that year. */
  months: number;
  /** Paid by the participant. */
  paid: number;
  /** State and provincial support. */
  support: number;
  /** Calendar year of the payments. */
  year: number;
}

/** A calendar month, `YYYY-MM` (years 1900–2200). */
export type YearMonth = string;

/** Any request of the contract. */
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
  | HealthInsuranceRequest
  | CompareRequest;

/** Any success response of the contract. */
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
  | HealthInsuranceResponse
  | CompareResponse
  | ErrorResponse;
