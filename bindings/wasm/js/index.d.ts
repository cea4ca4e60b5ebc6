// Type declarations of the `bhxh` npm package: the JSON contract (schema version 1) of the
// engine for Vietnam's voluntary social insurance (BHXH tự nguyện).
//
// The request and response types are GENERATED from the engine's Rust types into
// `contract.d.ts` (see that file's header); this file adds the functions of the package and
// the parameter catalogue. Conventions of the contract:
// - money is a JSON integer of whole đồng: `number` here (always a safe integer);
// - rates, years and coefficients are exact decimals as strings (`"0.22"`, `"20.5"`);
// - months are `"YYYY-MM"`, dates `"YYYY-MM-DD"` (a birth date may be `"YYYY-MM"` or `"YYYY"`).
// Unknown request fields are rejected with the error `unknown_field`. The engine may add
// response fields over time, never rename or drop the ones declared.

export * from './contract';
import type {
  CalculationRequest,
  CalculationResponse,
  Confidence,
  DecimalString,
  ErrorObject,
  Province,
  YearMonth,
} from './contract';

/** A month, `"YYYY-MM"` (the name of earlier releases). */
export type Month = YearMonth;
/** An exact decimal as a string (the name of earlier releases). */
export type Decimal = DecimalString;
/** A date, `"YYYY-MM-DD"`. */
export type DateString = string;
/**
 * A participant category: `poor`, `near_poor`, `ethnic_minority`, `island_or_special_zone`,
 * `other`, or a provincial code (e.g. `"ho_chi_minh_poor"`) with the matching `province`.
 */
export type Category = string;

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
