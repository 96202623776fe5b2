import CircuitBreaker from 'opossum';
import { AppError } from '../../errors/app-error';

export type BreakerState = 'closed' | 'half-open' | 'open';

export interface ServiceGuardOptions {
  /** Names the dependency in logs and metrics: `storage`, `email`, `ocr`. */
  name: string;
  /** A call that has not finished after this long fails (the caller stops waiting). */
  timeoutMs: number;
  /** How long the circuit stays open before one trial call is let through. */
  resetMs: number;
  /** What the user reads when the dependency is failing. */
  message: string;
  /** Errors that are the caller's fault (not found, bad key) and must not open the circuit. */
  isCallerError?: (err: unknown) => boolean;
  /** Calls seen in the rolling window before the error rate can open the circuit. */
  volumeThreshold?: number;
  /** Percentage of failed calls in the rolling window that opens the circuit. */
  errorThresholdPercentage?: number;
  onStateChange?: (state: BreakerState) => void;
}

/**
 * A timeout and a circuit breaker (opossum) around one external service (ADR 0012). While the
 * service fails or is slow, calls fail at once with AppError('SERVICE_UNAVAILABLE') carrying a
 * clear message, instead of holding a request (and a socket, and memory) for the full timeout.
 * After `resetMs` one call is let through; if it succeeds the circuit closes again.
 *
 * Every adapter that talks to something outside the process uses one: S3, SMTP, and any cloud
 * OCR adapter (wrap its `recognise` call in `guard.run`).
 */
export class ServiceGuard {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;

  constructor(private readonly options: ServiceGuardOptions) {
    this.breaker = new CircuitBreaker(async (call: () => Promise<unknown>) => call(), {
      name: options.name,
      timeout: options.timeoutMs,
      resetTimeout: options.resetMs,
      rollingCountTimeout: 10_000,
      rollingCountBuckets: 10,
      volumeThreshold: options.volumeThreshold ?? 3,
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      errorFilter: (err: unknown) => options.isCallerError?.(err) ?? false,
    });
    const report = options.onStateChange;
    if (report) {
      this.breaker.on('open', () => report('open'));
      this.breaker.on('halfOpen', () => report('half-open'));
      this.breaker.on('close', () => report('closed'));
      report('closed');
    }
  }

  get name(): string {
    return this.options.name;
  }

  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  /** Runs one call through the breaker; caller errors pass through unchanged. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(call)) as T;
    } catch (err) {
      if (this.options.isCallerError?.(err)) throw err;
      if (err instanceof AppError) throw err;
      throw new AppError('SERVICE_UNAVAILABLE', this.options.message, {
        cause: err,
        retryAfterSeconds: Math.ceil(this.options.resetMs / 1000),
      });
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
