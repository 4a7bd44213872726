// Every FHIR error is an OperationOutcome, made here and nowhere else (ENGINEERING.md §4).
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { AppError, type AppErrorKind } from '#services/errors.ts';

type IssueCode = OperationOutcomeIssue['code'];

/** An expected refusal at the FHIR edge: its HTTP status and OperationOutcome issue code. */
export class FhirError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 406 | 409 | 422 | 429,
    readonly code: IssueCode,
    message: string,
  ) {
    super(message);
  }
}

export function operationOutcome(
  code: IssueCode,
  diagnostics: string,
  severity: 'error' | 'information' = 'error',
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

// ENGINEERING.md §4 mapping table, FHIR column.
const FROM_APP_ERROR: Record<AppErrorKind, { status: FhirError['status']; code: IssueCode }> = {
  invalid: { status: 400, code: 'invalid' },
  not_found: { status: 404, code: 'not-found' },
  conflict: { status: 409, code: 'conflict' },
  business_rule: { status: 422, code: 'business-rule' },
  forbidden: { status: 403, code: 'forbidden' },
  unauthenticated: { status: 401, code: 'login' },
};

/** The status and OperationOutcome for an error; unknown errors say only the request id. */
export function outcomeOfError(
  error: unknown,
  requestId: string,
): { status: number; outcome: OperationOutcome; expected: boolean } {
  if (error instanceof FhirError) {
    return { status: error.status, outcome: operationOutcome(error.code, error.message), expected: true };
  }
  if (error instanceof AppError) {
    const mapped = FROM_APP_ERROR[error.kind];
    return { status: mapped.status, outcome: operationOutcome(mapped.code, error.message), expected: true };
  }
  return {
    status: 500,
    outcome: operationOutcome('exception', `Something went wrong (request ${requestId}).`),
    expected: false,
  };
}
