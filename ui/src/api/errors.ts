import type { ErrorCode } from "../bindings/ErrorCode";
import type { ErrorDetails } from "../bindings/ErrorDetails";
import type { ErrorPayload } from "../bindings/ErrorPayload";

/**
 * Every code the core sends. A record keyed by the generated union, so a
 * code added in Rust fails the type check here until it is listed.
 */
const ERROR_CODES: Record<ErrorCode, true> = {
  not_found: true,
  invalid_input: true,
  conflict: true,
  schema_too_new: true,
  not_a_database: true,
  not_a_workspace: true,
  is_a_folder: true,
  not_writable: true,
  workspace_closed: true,
  change_file_damaged: true,
  change_file_foreign: true,
  change_file_too_new: true,
  change_file_needs_earlier: true,
  hub_unreachable: true,
  hub_token_refused: true,
  hub_not_member: true,
  hub_too_old: true,
  hub_refused: true,
  hub_join_needs_new_file: true,
  emotion_out_of_range: true,
  stage_has_touchpoints: true,
  journey_not_current: true,
  not_an_opportunity: true,
  io: true,
  database: true,
  internal: true,
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** True when `value` has the `{ code, message, details }` shape the shell rejects with. */
export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    isRecord(value) &&
    isErrorCode(value.code) &&
    typeof value.message === "string" &&
    (value.details === undefined || isRecord(value.details))
  );
}

/**
 * The one error type the UI sees from the core. `message` is English and meant
 * for logs; screens translate from `code` and `details`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(payload: ErrorPayload, options?: { cause?: unknown }) {
    super(payload.message, options);
    this.name = "AppError";
    this.code = payload.code;
    this.details = payload.details;
  }

  /** The payload as it crossed the boundary. */
  get payload(): ErrorPayload {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Turns anything a Tauri call rejected with into an AppError. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isErrorPayload(reason)) {
    // `details` may be left out by a hand-written error; treat that as "no details".
    const details: unknown = reason.details;
    return new AppError({
      code: reason.code,
      message: reason.message,
      details: isRecord(details) ? reason.details : {},
    });
  }
  let message: string;
  if (typeof reason === "string") message = reason;
  else if (reason instanceof Error) message = reason.message;
  else message = "Unknown error";
  return new AppError({ code: "internal", message, details: {} }, { cause: reason });
}
