import { assess } from '@numeri/tax-engine';
import {
  assessmentToEstimateResponse,
  estimateRequestToReturnInput,
  type EstimateRequest,
  type EstimateResponse,
} from '@numeri/contracts';
import { AppError } from '../../errors/app-error';
import type { Metrics } from '../../observability/metrics';

/**
 * The public estimate: the same engine the returns use, on a flat calculator request. Engine
 * validation issues (an impossible combination) come back as a 400 naming each field.
 */
export class EstimateService {
  constructor(private readonly metrics: Metrics) {}

  estimate(request: EstimateRequest, options: { explain?: boolean } = {}): EstimateResponse {
    const result = assess(estimateRequestToReturnInput(request), { explain: options.explain ?? true });
    if (!result.ok) {
      throw new AppError('VALIDATION_FAILED', 'Some answers cannot be assessed together', {
        fieldErrors: result.issues.map((issue) => ({
          field: issue.path || '(request)',
          message: issue.message,
        })),
      });
    }
    this.metrics.estimatesComputed.inc({ income_year: request.incomeYear });
    return assessmentToEstimateResponse(result.assessment);
  }
}
