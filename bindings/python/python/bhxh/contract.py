"""The JSON contract's request and response types as ``TypedDict``s.

GENERATED from the engine's JSON Schemas (crates/bhxh/src/io/schema.rs and the result types it
derives from) by crates/bhxh-server/src/codegen.rs. Do not edit: run
``BHXH_BLESS=1 cargo test -p bhxh-server --test generated`` after changing a Rust type.

Money is an ``int`` of whole đồng; exact decimals are ``str`` ("0.22"); months are "YYYY-MM".
"""

# ruff: noqa
from typing import Any, Dict, List, Literal, Union

try:
    from typing import NotRequired, TypedDict
except ImportError:  # Python < 3.11
    from typing_extensions import NotRequired, TypedDict

# A `contribution` request: what to pay for a period (rules §1, §2).
ContributionRequest = TypedDict(
    "ContributionRequest",
    {
        # `"contribution"`.
        "calculation": Literal["contribution"],
        # Participant categories (default `["other"]`): `poor`, `near_poor`,
        # `ethnic_minority`, `island_or_special_zone`, `other`, or a provincial category; the
        # most generous support applies (rules S-1).
        "categories": NotRequired[Union[List[str], None]],
        # Monthly fund rate overriding the published one, `"0"` to `"0.1"` (decision K-6).
        "fund_rate_monthly": NotRequired[Union["DecimalString", None]],
        # Chosen monthly income, between the rural poverty line and 20 × the reference level,
        # on the income step (decision K-3).
        "income": "Money",
        # Payment method.
        "method": "Method",
        # Months covered: required for `advance` (24, 36, 48 or 60, K-18) and `back_payment`
        # (1–60; up to 120 before 2025-07); with another method absent or that method's own
        # length (otherwise `months_not_applicable`).
        "months": NotRequired[Union[int, None]],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # Month of payment: its parameters apply to every covered month (rules A-5).
        "payment_month": "YearMonth",
        # Province, for its top-up.
        "province": NotRequired[Union["Province", None]],
        # Supported months already received in the participant's life (default 0, 0–120,
        # decision K-8).
        "subsidised_months_before": NotRequired[Union[int, None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
ContributionResponse = TypedDict(
    "ContributionResponse",
    {
        # The calculation answered.
        "calculation": Literal["contribution"],
        # Advance-payment discount (K-4).
        "discount": int,
        # Fund rate used, for advance and back payments.
        "fund_rate_monthly": NotRequired[str],
        # Undiscounted 22 % over the covered months.
        "gross": int,
        # Echo of the chosen income.
        "income": int,
        # Income ceiling in force (20 × reference level).
        "income_ceiling": int,
        # Income floor in force (rural poverty line).
        "income_floor": int,
        # Back-payment interest (K-5).
        "interest": int,
        # Provincial support over the covered months.
        "local_support": int,
        # Echo of the method.
        "method": "Method",
        # Months the payment covers.
        "months_covered": int,
        # What the participant pays: gross − support − discount + interest.
        "payable": int,
        # Echo of the payment month.
        "payment_month": "YearMonth",
        # Month-by-month breakdown.
        "per_month": List["MonthLine"],
        # Provenance.
        "receipt": "Receipt",
        # `law_2024` for payment months from 2025-07, else `law_2014` (K-16).
        "regime": str,
        # National support over the covered months.
        "state_support": int,
        # Covered months that received support.
        "subsidised_months": int,
        # The category whose support applies.
        "support_category": str,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `refund` request: the unused months of a prepaid payment (rule C-9, decision K-7).
RefundRequest = TypedDict(
    "RefundRequest",
    {
        # `"refund"`.
        "calculation": Literal["refund"],
        # The payment's participant categories (default `["other"]`).
        "categories": NotRequired[Union[List[str], None]],
        # The first covered month refunded (inside the prepaid period).
        "from_month": "YearMonth",
        # The fund rate of the payment, `"0"` to `"0.1"` (decision K-6).
        "fund_rate_monthly": NotRequired[Union["DecimalString", None]],
        # The payment's monthly income.
        "income": "Money",
        # The payment's method: only `every_3_months`, `every_6_months`, `every_12_months` and
        # `advance` are prepaid (otherwise `method_not_prepaid`).
        "method": "Method",
        # Months covered, as in `contribution`.
        "months": NotRequired[Union[int, None]],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # Month of the prepaid payment.
        "payment_month": "YearMonth",
        # The payment's province.
        "province": NotRequired[Union["Province", None]],
        # Why the months are refunded.
        "reason": "RefundReason",
        # Supported months received before the payment (default 0).
        "subsidised_months_before": NotRequired[Union[int, None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
RefundResponse = TypedDict(
    "RefundResponse",
    {
        # The refund: contributions − support, never below 0.
        "amount": int,
        # The calculation answered.
        "calculation": Literal["refund"],
        # Their contributions: 0.22 × income each; discounted as at payment for an advance.
        "contributions": int,
        # The fund rate used at payment (advance only).
        "fund_rate_monthly": NotRequired[str],
        # Echo: the method of the payment.
        "method": "Method",
        # The months the payment covered.
        "months_covered": int,
        # Unused months refunded (from `from_month` to the end of the period).
        "months_refunded": int,
        # What the participant paid for the whole period.
        "payable": int,
        # Echo: why.
        "reason": "RefundReason",
        # Provenance.
        "receipt": "Receipt",
        # The support of those months (national and provincial, nominal), not refunded.
        "support_excluded": int,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `retirement` request: retirement age and pension start (rules 3.1).
RetirementRequest = TypedDict(
    "RetirementRequest",
    {
        # Birth date.
        "birth_date": "BirthDate",
        # `"retirement"`.
        "calculation": Literal["retirement"],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # Sex.
        "sex": "Sex",
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
RetirementResponse = TypedDict(
    "RetirementResponse",
    {
        # The month in which it is reached.
        "age_reached_month": "YearMonth",
        # The birth date used (1 January or the 1st of the month when not fully known).
        "birth_date_used": str,
        # The calculation answered.
        "calculation": Literal["retirement"],
        # First day of the following month.
        "pension_start": str,
        # Provenance.
        "receipt": "Receipt",
        # The retirement age that applies.
        "retirement_age": "Age",
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `pension` request: eligibility and monthly pension (rules 3.2–3.8).
PensionRequest = TypedDict(
    "PensionRequest",
    {
        # Birth date.
        "birth_date": "BirthDate",
        # `"pension"`.
        "calculation": Literal["pension"],
        # Month the pension is claimed (default: the first month it can start).
        "claim_month": NotRequired[Union["YearMonth", None]],
        # The contributions.
        "history": List["HistoryPeriod"],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # Sex.
        "sex": "Sex",
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
PensionResponse = TypedDict(
    "PensionResponse",
    {
        # Month in which that age is reached.
        "age_reached_month": "YearMonth",
        # Mbq.
        "average_income": int,
        # The calculation answered.
        "calculation": Literal["pension"],
        # Settlement year of the coefficient table used.
        "coefficient_table": int,
        # Months of contributions.
        "contribution_months": int,
        # Whether a pension is payable.
        "eligible": bool,
        # Monthly pension.
        "monthly_pension": int,
        # First day of the pension (`null` when not eligible).
        "pension_start": Union[str, None],
        # Pension rate.
        "rate": str,
        # Why not, when not eligible.
        "reason": NotRequired[str],
        # Provenance.
        "receipt": "Receipt",
        # Retirement age that applies (roadmap, or 60/55 under art. 141.9).
        "retirement_age": "Age",
        # One-time allowance on retirement (art. 100; 0 when none).
        "retirement_allowance": int,
        # `law_2024` or `law_2014` (decision K-16).
        "rule_set": str,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
        # Years counted for the rate, with half years (K-11).
        "years_for_rate": str,
    },
)

# A `lump_sum` request: the one-time withdrawal (rules §4).
LumpSumRequest = TypedDict(
    "LumpSumRequest",
    {
        # Birth date: required for `retirement_age_without_pension`, accepted otherwise.
        "birth_date": NotRequired[Union["BirthDate", None]],
        # `"lump_sum"`.
        "calculation": Literal["lump_sum"],
        # The contributions (they give the average income).
        "history": List["HistoryPeriod"],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # The ground of the withdrawal (Law 41/2024 art. 102.1).
        "reason": "Reason",
        # Month of the settlement.
        "settlement_month": "YearMonth",
        # Sex: required for `retirement_age_without_pension`, accepted otherwise.
        "sex": NotRequired[Union["Sex", None]],
        # The support to deduct, when known, instead of deriving it from the periods'
        # categories and province.
        "support_received": NotRequired[Union["Money", None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
LumpSumResponse = TypedDict(
    "LumpSumResponse",
    {
        # Amount paid.
        "amount": int,
        # Mbq.
        "average_income": int,
        # The calculation answered.
        "calculation": Literal["lump_sum"],
        # Settlement year of the coefficient table.
        "coefficient_table": int,
        # Months of contributions.
        "contribution_months": int,
        # Whether the withdrawal is allowed for the reason given.
        "eligible": bool,
        # Amount before the support deduction.
        "gross_amount": int,
        # Why not.
        "reason": NotRequired[str],
        # Provenance.
        "receipt": "Receipt",
        # State and provincial support deducted.
        "support_deducted": int,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
        # Years valued at 1.5 × Mbq (before 2014, whole years after the transfer).
        "years_before_2014": str,
        # Years valued at 2 × Mbq (from 2014, with the transferred months and half years).
        "years_from_2014": str,
    },
)

# A `death` request: benefits on the death of a contributor (`history`), a pensioner
# (`pension`) or a person receiving the monthly allowance (`allowance` with `history`)
# (rules §5). `pension` with `history` or with `allowance` is `conflicting_fields`;
# neither `history` nor `pension` is `missing_field` on `history`.
DeathRequest = TypedDict(
    "DeathRequest",
    {
        # The deceased received the art. 23 monthly allowance (decision K-19).
        "allowance": NotRequired[Union["DeathAllowance", None]],
        # `"death"`.
        "calculation": Literal["death"],
        # Month of death.
        "death_month": "YearMonth",
        # The contributions (a contributor, or an allowance recipient with `allowance`).
        "history": NotRequired[Union[List["HistoryPeriod"], None]],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # The deceased was a pensioner.
        "pension": NotRequired[Union["DeathPension", None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
DeathResponse = TypedDict(
    "DeathResponse",
    {
        # Months of the art. 23 allowance not yet paid at death (allowance recipient, K-19).
        "allowance_months_unpaid": NotRequired[int],
        # Mbq (contributor), or `null` for a pensioner or an allowance recipient.
        "average_income": Union[int, None],
        # The calculation answered.
        "calculation": Literal["death"],
        # Months of contributions (contributor or allowance recipient), or `null` for a
        # pensioner.
        "contribution_months": Union[int, None],
        # Funeral allowance.
        "funeral_allowance": int,
        # Always 0 for purely voluntary careers.
        "monthly_survivor_allowance": int,
        # Months of survivor lump sum (pensioner), as a decimal.
        "months_of_pension": NotRequired[str],
        # Provenance.
        "receipt": "Receipt",
        # Survivor lump sum.
        "survivor_lump_sum": int,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `maternity` request: the voluntary maternity allowance (rules §6).
MaternityRequest = TypedDict(
    "MaternityRequest",
    {
        # `"maternity"`.
        "calculation": Literal["maternity"],
        # Month of the child's birth.
        "child_birth_month": "YearMonth",
        # Children born (default 1).
        "children": NotRequired[Union[int, None]],
        # The contributions.
        "history": List["HistoryPeriod"],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
MaternityResponse = TypedDict(
    "MaternityResponse",
    {
        # Amount.
        "amount": int,
        # The calculation answered.
        "calculation": Literal["maternity"],
        # Whether the allowance is payable.
        "eligible": bool,
        # Contribution months in the 12 months before the birth.
        "months_in_window": int,
        # Why not.
        "reason": NotRequired[str],
        # Provenance.
        "receipt": "Receipt",
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `monthly_allowance` request: the art. 23 allowance for those without a pension
# (rules 3.12).
MonthlyAllowanceRequest = TypedDict(
    "MonthlyAllowanceRequest",
    {
        # Birth date.
        "birth_date": "BirthDate",
        # `"monthly_allowance"`.
        "calculation": Literal["monthly_allowance"],
        # The contributions (none after the settlement month).
        "history": List["HistoryPeriod"],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # A poor or near-poor household (social-pension age 70; default `false`).
        "poor_or_near_poor_household": NotRequired[Union[bool, None]],
        # Month of the settlement.
        "settlement_month": "YearMonth",
        # Sex.
        "sex": "Sex",
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
MonthlyAllowanceResponse = TypedDict(
    "MonthlyAllowanceResponse",
    {
        # Mbq.
        "average_income": int,
        # The calculation answered.
        "calculation": Literal["monthly_allowance"],
        # Months of contributions.
        "contribution_months": int,
        # Whether the allowance can be paid.
        "eligible": bool,
        # Monthly amount.
        "monthly_amount": int,
        # Ttt: months of allowance the contributions buy.
        "months": int,
        # Months actually paid: Ttt, or Tdt when Ttt is longer.
        "months_paid": int,
        # Tdt: months from the settlement month to social-pension age.
        "months_to_social_pension": int,
        # Why not.
        "reason": NotRequired[str],
        # Provenance.
        "receipt": "Receipt",
        # STmlct: what the person may pay to be paid until social-pension age.
        "top_up_to_social_pension_age": int,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `social_pension` request: the social pension allowance (rules 3.13).
SocialPensionRequest = TypedDict(
    "SocialPensionRequest",
    {
        # Birth date.
        "birth_date": "BirthDate",
        # `"social_pension"`.
        "calculation": Literal["social_pension"],
        # The month asked about.
        "month": "YearMonth",
        # A pension already received (default 0).
        "monthly_pension": NotRequired[Union["Money", None]],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # A poor or near-poor household (default `false`).
        "poor_or_near_poor_household": NotRequired[Union[bool, None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
SocialPensionResponse = TypedDict(
    "SocialPensionResponse",
    {
        # The calculation answered.
        "calculation": Literal["social_pension"],
        # Whether the allowance is payable in `month`.
        "eligible": bool,
        # First month it is payable (age reached, at the earliest 2025-07), `null` when a
        # pension excludes it.
        "from_month": Union["YearMonth", None],
        # Amount (0 when not eligible).
        "monthly_amount": int,
        # Why not.
        "reason": NotRequired[str],
        # Provenance.
        "receipt": "Receipt",
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# An `estimate` request: what a plan of contributions gives (decision K-17).
EstimateRequest = TypedDict(
    "EstimateRequest",
    {
        # Date of the estimate.
        "as_of": "IsoDate",
        # Assumptions of the projection.
        "assumptions": NotRequired[Union["Assumptions", None]],
        # Birth date (not after `as_of`, at most 120 years before it).
        "birth_date": "BirthDate",
        # `"estimate"`.
        "calculation": Literal["estimate"],
        # Participant categories (default `["other"]`).
        "categories": NotRequired[Union[List[str], None]],
        # Years of contributions planned (default: until retirement age).
        "contribution_years": NotRequired[Union[int, None]],
        # Contributions already made, ending before `start_month`.
        "history": NotRequired[Union[List["HistoryPeriod"], None]],
        # Chosen monthly income.
        "income": "Money",
        # Payment method (default `monthly`).
        "method": NotRequired[Union["PlanMethod", None]],
        # With `advance`: its length (default the longest allowed); with another method
        # absent or that method's own length.
        "months": NotRequired[Union[int, None]],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # Province, for its top-up.
        "province": NotRequired[Union["Province", None]],
        # Sex.
        "sex": "Sex",
        # What to do when 15 years are not reached at retirement age (default `continue`).
        "shortfall": NotRequired[Union["Shortfall", None]],
        # First month of the plan (default: the month after `as_of`; not before the month of
        # `as_of`).
        "start_month": NotRequired[Union["YearMonth", None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
EstimateResponse = TypedDict(
    "EstimateResponse",
    {
        # Month it is reached.
        "age_reached_month": "YearMonth",
        # Assumptions applied.
        "assumptions": Any,
        # Average monthly income of the projected history (Mbq).
        "average_income": int,
        # Age at which pensions received cover `total_paid` (less the allowance).
        "break_even_age": Union["Age", None],
        # The calculation answered.
        "calculation": Literal["estimate"],
        # Total months (existing + planned + back-paid).
        "contribution_months": int,
        # Whether the projected history gives a pension.
        "eligible": bool,
        # The first payment.
        "first_payment": "FirstPayment",
        # Funeral allowance the family would receive (today's reference level).
        "funeral_allowance": int,
        # Pensioners receive a free health-insurance card.
        "health_insurance": bool,
        # Income ceiling at the start.
        "income_ceiling": int,
        # Income floor at the start.
        "income_floor": int,
        # Provincial support per month at the start.
        "local_support_per_month": int,
        # What a lump-sum withdrawal would pay instead, where the law allows one.
        "lump_sum_alternative": int,
        # The withdrawal reason that allows it (`emigration` when a pension is due,
        # `retirement_age_without_pension` otherwise).
        "lump_sum_reason": str,
        # Cost of the plan under each payment method.
        "method_costs": List["MethodCost"],
        # First payment per month covered.
        "monthly_payment": int,
        # Monthly pension (today's prices).
        "monthly_pension": int,
        # The same in money of the pension-start year, when an inflation is assumed.
        "monthly_pension_nominal": NotRequired[int],
        # First day of the pension.
        "pension_start": Union[str, None],
        # The projected history the pension is computed from.
        "projected_history": List["PeriodOut"],
        # Pension rate.
        "rate": str,
        # Why not.
        "reason": NotRequired[str],
        # Provenance.
        "receipt": "Receipt",
        # Retirement age that applies.
        "retirement_age": "Age",
        # One-time allowance on retirement.
        "retirement_allowance": int,
        # Payments by calendar year.
        "schedule": List["YearLine"],
        # National support per month at the start.
        "state_support_per_month": int,
        # The participant's own payments over the plan.
        "total_paid": int,
        # State and provincial support over the plan.
        "total_support": int,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `minimum_income` request: the smallest income whose plan reaches a target pension.
MinimumIncomeRequest = TypedDict(
    "MinimumIncomeRequest",
    {
        # Date of the estimate.
        "as_of": "IsoDate",
        # Assumptions of the projection.
        "assumptions": NotRequired[Union["Assumptions", None]],
        # Birth date (not after `as_of`, at most 120 years before it).
        "birth_date": "BirthDate",
        # `"minimum_income"`.
        "calculation": Literal["minimum_income"],
        # Participant categories (default `["other"]`).
        "categories": NotRequired[Union[List[str], None]],
        # Years of contributions planned (default: until retirement age).
        "contribution_years": NotRequired[Union[int, None]],
        # Contributions already made, ending before `start_month`.
        "history": NotRequired[Union[List["HistoryPeriod"], None]],
        # Payment method (default `monthly`).
        "method": NotRequired[Union["PlanMethod", None]],
        # With `advance`: its length (default the longest allowed); with another method
        # absent or that method's own length.
        "months": NotRequired[Union[int, None]],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # Province, for its top-up.
        "province": NotRequired[Union["Province", None]],
        # Sex.
        "sex": "Sex",
        # What to do when 15 years are not reached at retirement age (default `continue`).
        "shortfall": NotRequired[Union["Shortfall", None]],
        # First month of the plan (default: the month after `as_of`; not before the month of
        # `as_of`).
        "start_month": NotRequired[Union["YearMonth", None]],
        # The monthly pension wanted.
        "target_monthly_pension": "Money",
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
MinimumIncomeResponse = TypedDict(
    "MinimumIncomeResponse",
    {
        # The calculation answered.
        "calculation": Literal["minimum_income"],
        # The smallest valid income on the step that reaches the target.
        "income": int,
        # The pension at that income.
        "monthly_pension": int,
        # The pension one step lower (0 at the floor).
        "monthly_pension_one_step_lower": int,
        # What the participant pays per month at that income (first payment).
        "payable_per_month": int,
        # Provenance.
        "receipt": "Receipt",
        # The target.
        "target_monthly_pension": int,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `health_insurance` request: household health insurance for one period (rules §6b,
# decision K-21).
HealthInsuranceRequest = TypedDict(
    "HealthInsuranceRequest",
    {
        # Members of the household who joined earlier in the fiscal year (default 0).
        "already_enrolled": NotRequired[Union[int, None]],
        # `"health_insurance"`.
        "calculation": Literal["health_insurance"],
        # The members paying now, in the order of joining.
        "members": List["Member"],
        # Months paid: 3, 6 or 12 (default 12; otherwise `period_months_not_allowed`).
        "months": NotRequired[Union[int, None]],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # Day of the payment, in `payment_month`: gives `card_valid_from`.
        "payment_date": NotRequired[Union["IsoDate", None]],
        # Month of the payment: its base salary prices the whole period.
        "payment_month": "YearMonth",
        # Expiry of the previous card (absent for a first card).
        "previous_card_expiry": NotRequired[Union["IsoDate", None]],
        # Province, for its health-insurance top-ups and groups.
        "province": NotRequired[Union["Province", None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
HealthInsuranceResponse = TypedDict(
    "HealthInsuranceResponse",
    {
        # Base salary (reference level) at the payment month.
        "base": int,
        # The calculation answered.
        "calculation": Literal["health_insurance"],
        # First day the card is valid (with `payment_date`).
        "card_valid_from": NotRequired[str],
        # The first member's monthly amount (rate × base).
        "first_member_monthly": int,
        # Each member, in the request's order.
        "members": List["MemberResult"],
        # Months paid.
        "months": int,
        # Provenance.
        "receipt": "Receipt",
        # Paid by the province for the period.
        "total_local_support": int,
        # Paid by the household for the period.
        "total_payable": int,
        # Paid by the State for the period.
        "total_state_support": int,
        # The explanation.
        "trace": List["TraceStep"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# A `compare` request: plans side by side, each variant the base with its overrides.
CompareRequest = TypedDict(
    "CompareRequest",
    {
        # The estimate fields shared by the variants.
        "base": "PlanFields",
        # `"compare"`.
        "calculation": Literal["compare"],
        # A parameter overlay for a what-if: dated values of legal parameters that replace or
        # add to the built-in ones, in the shape of the parameter files
        # (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
        "parameters": NotRequired[Union[Dict[str, Any], None]],
        # `false` skips building the explanation: the response's `trace` is then empty (its
        # warnings and receipt remain). Default `true`.
        "trace": NotRequired[Union[bool, None]],
        # The variants, in the order answered.
        "variants": List["CompareVariant"],
    },
)

# A success response: the calculation's fields at the top level, then trace, warnings
# and receipt.
CompareResponse = TypedDict(
    "CompareResponse",
    {
        # The calculation answered.
        "calculation": Literal["compare"],
        # Provenance.
        "receipt": "Receipt",
        # The explanation.
        "trace": List["TraceStep"],
        # Variants in the order given.
        "variants": List["Variant"],
        # Warnings.
        "warnings": List["Warning"],
    },
)

# An error response.
ErrorResponse = TypedDict(
    "ErrorResponse",
    {
        # What went wrong.
        "error": "ErrorObject",
    },
)

# An age in years and months.
Age = TypedDict(
    "Age",
    {
        # Extra months, 0–11.
        "months": int,
        # Whole years.
        "years": int,
    },
)

# Assumptions of a projection (decision K-17).
Assumptions = TypedDict(
    "Assumptions",
    {
        # Yearly inflation, `"0"` to `"0.5"`: gives `monthly_pension_nominal`.
        "annual_inflation": NotRequired[Union["DecimalString", None]],
    },
)

# A birth date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the day or the month is unknown (the engine then uses the 1st of the month or 1 January, rules 3.1); years 1900–2200.
BirthDate = str

# One variant of a `compare` request: a label and the estimate fields it overrides (a
# `null` removes the base's value).
CompareVariant = TypedDict(
    "CompareVariant",
    {
        # Date of the estimate.
        "as_of": NotRequired[Union["IsoDate", None]],
        # Assumptions of the projection.
        "assumptions": NotRequired[Union["Assumptions", None]],
        # Birth date.
        "birth_date": NotRequired[Union["BirthDate", None]],
        # Participant categories (default `["other"]`).
        "categories": NotRequired[Union[List[str], None]],
        # Years of contributions planned (default: until retirement age).
        "contribution_years": NotRequired[Union[int, None]],
        # Contributions already made, ending before `start_month`.
        "history": NotRequired[Union[List["HistoryPeriod"], None]],
        # Chosen monthly income.
        "income": NotRequired[Union["Money", None]],
        # Label (default: made from the overrides).
        "label": NotRequired[str],
        # Payment method (default `monthly`).
        "method": NotRequired[Union["PlanMethod", None]],
        # With `advance`: its length (default the longest allowed); with another method
        # absent or that method's own length.
        "months": NotRequired[Union[int, None]],
        # Province, for its top-up.
        "province": NotRequired[Union["Province", None]],
        # Sex.
        "sex": NotRequired[Union["Sex", None]],
        # What to do when 15 years are not reached at retirement age (default `continue`).
        "shortfall": NotRequired[Union["Shortfall", None]],
        # First month of the plan (default: the month after `as_of`; not before the month of
        # `as_of`).
        "start_month": NotRequired[Union["YearMonth", None]],
    },
)

# Confidence grade of a value (`rules.md` §0.1).
Confidence = Literal["V", "S", "D", "U"]

# The monthly allowance of a deceased allowance recipient.
DeathAllowance = TypedDict(
    "DeathAllowance",
    {
        # First month paid (from 2025-07, not after the month of death).
        "first_month": "YearMonth",
        # Monthly amount.
        "monthly_amount": "Money",
        # Monthly payments granted (Ttt or Tdt).
        "months": int,
    },
)

# The pension of a deceased pensioner.
DeathPension = TypedDict(
    "DeathPension",
    {
        # Monthly pension.
        "monthly_amount": "Money",
        # First month of the pension (not after the month of death).
        "start_month": "YearMonth",
    },
)

# An exact decimal written as a JSON string (`"0.03"`), never a JSON number; at most 30 characters.
DecimalString = str

# What went wrong with a request.
ErrorObject = TypedDict(
    "ErrorObject",
    {
        # Stable snake_case code (`docs/contract.md`, *Error codes*).
        "code": str,
        # JSON path of the input at fault (`income`, `history[2].from`, `$` for the request
        # itself), when there is one.
        "field": NotRequired[str],
        # English message.
        "message": str,
        # Vietnamese message.
        "message_vi": str,
    },
)

# The first payment.
FirstPayment = TypedDict(
    "FirstPayment",
    {
        # Payment month.
        "month": "YearMonth",
        # Months covered.
        "months": int,
        # Payable.
        "payable": int,
    },
)

# How a member joins (HI Law art. 13.5.e; decision K-21).
Form = Literal["household", "supported"]

# One period of a contribution history, months inclusive.
HistoryPeriod = TypedDict(
    "HistoryPeriod",
    {
        # The months were paid later as a back payment (default `false`).
        "back_paid": NotRequired[Union[bool, None]],
        # The participant categories whose support the months received (not empty).
        "categories": NotRequired[Union[List[str], None]],
        # First month.
        "from": "YearMonth",
        # Monthly income declared (for compulsory months: the salary).
        "income": "Money",
        # The province whose top-up the months received.
        "province": NotRequired[Union["Province", None]],
        # `voluntary` (the default) or `compulsory`.
        "scheme": NotRequired[Union["Scheme", None]],
        # Last month (not before `from`; not after the settlement, death or start month where
        # the calculation has one, `future_period`).
        "to": "YearMonth",
    },
)

# A calendar date, `YYYY-MM-DD` (a real day; years 1900–2200).
IsoDate = str

# One member of a `health_insurance` request.
Member = TypedDict(
    "Member",
    {
        # How the member joins (default: the engine chooses, decision K-21).
        "form": NotRequired[Union["Form", None]],
        # Group code (default `self_paying`): `near_poor`, `near_poor_poor_commune`,
        # `ethnic_minority_transition`, `student`, `community_worker`, `agri_average`, or a
        # provincial group (the list is data, `bhxh params`).
        "group": NotRequired[Union[str, None]],
        # A free label, echoed (at most 80 characters kept).
        "label": NotRequired[Union[str, None]],
    },
)

# One member's amounts.
MemberResult = TypedDict(
    "MemberResult",
    {
        # How the member joins.
        "form": "Form",
        # Group code.
        "group": str,
        # The request's label.
        "label": NotRequired[str],
        # Paid by the province per month.
        "local_support_monthly": int,
        # The province's added share of the first member's amount (rule S-5).
        "local_support_rate": str,
        # Paid by the member per month.
        "monthly": int,
        # Paid by the member for the period.
        "payable": int,
        # Rank in the household (`null` for a supported member).
        "rank": Union[int, None],
        # The member's amount as a share of the first member's.
        "share": str,
        # Paid by the State per month.
        "state_support_monthly": int,
        # The State's share of the first member's amount.
        "support_rate": str,
    },
)

# How the participant pays (Law 41/2024 art. 36.2).
Method = Literal["monthly", "every_3_months", "every_6_months", "every_12_months", "advance", "back_payment"]

# What one payment method costs for the plan.
MethodCost = TypedDict(
    "MethodCost",
    {
        # Method.
        "method": "Method",
        # Months per payment.
        "months_per_payment": int,
        # Saving against paying monthly (negative: costs more).
        "saving_vs_monthly": int,
        # Total paid by the participant for the regular months of the plan.
        "total_paid": int,
    },
)

# A whole number of đồng from 0 to 10^15: a JSON integer, never a fraction or a string.
Money = int

# One covered month of a payment.
MonthLine = TypedDict(
    "MonthLine",
    {
        # 22 % of the income.
        "gross": int,
        # Provincial support.
        "local_support": int,
        # The month (for a back payment: a label for the i-th missing month, see K-5).
        "month": "YearMonth",
        # National support.
        "state_support": int,
    },
)

# A period of the projected history (as in a `pension` request).
PeriodOut = TypedDict(
    "PeriodOut",
    {
        # Back-paid.
        "back_paid": bool,
        # First month.
        "from": "YearMonth",
        # Income.
        "income": int,
        # `voluntary` / `compulsory`.
        "scheme": str,
        # Last month.
        "to": "YearMonth",
    },
)

# Estimate fields, each optional: a field needed by the estimate (`as_of`, `sex`,
# `birth_date`, `income`) may come from the base or from every variant.
PlanFields = TypedDict(
    "PlanFields",
    {
        # Date of the estimate.
        "as_of": NotRequired[Union["IsoDate", None]],
        # Assumptions of the projection.
        "assumptions": NotRequired[Union["Assumptions", None]],
        # Birth date.
        "birth_date": NotRequired[Union["BirthDate", None]],
        # Participant categories (default `["other"]`).
        "categories": NotRequired[Union[List[str], None]],
        # Years of contributions planned (default: until retirement age).
        "contribution_years": NotRequired[Union[int, None]],
        # Contributions already made, ending before `start_month`.
        "history": NotRequired[Union[List["HistoryPeriod"], None]],
        # Chosen monthly income.
        "income": NotRequired[Union["Money", None]],
        # Payment method (default `monthly`).
        "method": NotRequired[Union["PlanMethod", None]],
        # With `advance`: its length (default the longest allowed); with another method
        # absent or that method's own length.
        "months": NotRequired[Union[int, None]],
        # Province, for its top-up.
        "province": NotRequired[Union["Province", None]],
        # Sex.
        "sex": NotRequired[Union["Sex", None]],
        # What to do when 15 years are not reached at retirement age (default `continue`).
        "shortfall": NotRequired[Union["Shortfall", None]],
        # First month of the plan (default: the month after `as_of`; not before the month of
        # `as_of`).
        "start_month": NotRequired[Union["YearMonth", None]],
    },
)

# A regular payment method: a plan's back payment is decided by `shortfall`, so
# `back_payment` is refused (`value_out_of_range`).
PlanMethod = Literal["monthly", "every_3_months", "every_6_months", "every_12_months", "advance"]

# A province: the lowercase ASCII slug of a province or city after the July 2025 merger (`ha_noi`, `hue`, `ho_chi_minh`, …) or of a former province merged into one (`vinh_phuc`, …; decision K-9). Another slug is `unknown_province`.
Province = str

# The withdrawal reasons of art. 102.1.
Reason = Literal["retirement_age_without_pension", "emigration", "serious_illness", "severe_disability", "stopped_12_months"]

# Provenance of a response.
Receipt = TypedDict(
    "Receipt",
    {
        # Engine version.
        "engine_version": str,
        # Fingerprint of the parameter set used (built-in data plus any overlay).
        "parameters_hash": str,
    },
)

# Why the unused months are refunded (Decree 159/2025 art. 8.1).
RefundReason = Literal["compulsory_insurance", "lump_sum", "death", "pension"]

# Compulsory or voluntary contributions.
Scheme = Literal["voluntary", "compulsory"]

# Sex, as the law distinguishes it for retirement age and pension rate.
Sex = Literal["male", "female"]

# What to do when 15 years are not reached at retirement age.
Shortfall = Literal["continue", "back_payment"]

# One step of a trace.
TraceStep = TypedDict(
    "TraceStep",
    {
        # Legal basis (document and article) or decision id.
        "citation": str,
        # Confidence grade of the cited parameter, when the step uses one.
        "confidence": NotRequired["Confidence"],
        # The formula, in symbols and numbers.
        "formula": str,
        # Stable name of the quantity (e.g. `income_floor`).
        "step": str,
        # English sentence.
        "text_en": str,
        # Vietnamese sentence.
        "text_vi": str,
        # Its value: an integer of đồng, a count, or a string (rates, months, codes).
        "value": Any,
    },
)

# One variant of a comparison.
Variant = TypedDict(
    "Variant",
    {
        # Break-even age.
        "break_even_age": Union["Age", None],
        # Eligible for a pension.
        "eligible": bool,
        # The estimate's headline figures.
        "income": int,
        # Label given (or built from the overrides).
        "label": str,
        # Lump-sum alternative.
        "lump_sum_alternative": int,
        # Payment method.
        "method": "Method",
        # First payment per month.
        "monthly_payment": int,
        # Monthly pension.
        "monthly_pension": int,
        # The overrides applied to the base.
        "overrides": Any,
        # Pension start.
        "pension_start": Union[str, None],
        # Rate.
        "rate": str,
        # State + province per month at the start.
        "support_per_month": int,
        # Total paid.
        "total_paid": int,
        # Total support.
        "total_support": int,
    },
)

# A warning carried in the response (never an error).
Warning = TypedDict(
    "Warning",
    {
        # Stable code, e.g. `parameter_extrapolated`.
        "code": str,
        # English message.
        "message": str,
        # Vietnamese message.
        "message_vi": str,
    },
)

# A year of the schedule.
YearLine = TypedDict(
    "YearLine",
    {
        # Paid so far.
        "cumulative_paid": int,
        # Months covered by the payments made that year.
        "months": int,
        # Paid by the participant.
        "paid": int,
        # State and provincial support.
        "support": int,
        # Calendar year of the payments.
        "year": int,
    },
)

# A calendar month, `YYYY-MM` (years 1900–2200).
YearMonth = str

# Any request of the contract.
CalculationRequest = Union[
    "ContributionRequest",
    "RefundRequest",
    "RetirementRequest",
    "PensionRequest",
    "LumpSumRequest",
    "DeathRequest",
    "MaternityRequest",
    "MonthlyAllowanceRequest",
    "SocialPensionRequest",
    "EstimateRequest",
    "MinimumIncomeRequest",
    "HealthInsuranceRequest",
    "CompareRequest",
]

# Any success response of the contract.
CalculationResponse = Union[
    "ContributionResponse",
    "RefundResponse",
    "RetirementResponse",
    "PensionResponse",
    "LumpSumResponse",
    "DeathResponse",
    "MaternityResponse",
    "MonthlyAllowanceResponse",
    "SocialPensionResponse",
    "EstimateResponse",
    "MinimumIncomeResponse",
    "HealthInsuranceResponse",
    "CompareResponse",
    "ErrorResponse",
]
