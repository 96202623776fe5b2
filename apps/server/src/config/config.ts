import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Every setting Numeri reads from the environment, parsed once at an entrypoint.
 * Nothing else in the codebase reads `process.env`; the parsed object is passed down.
 * The README's configuration table mirrors this schema.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    })
    .optional();

const positiveInt = z.coerce.number().int().positive();

export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('localhost'),
    PUBLIC_URL: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().url('each CORS origin must be a URL such as https://app.example.com'))),
    DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
    DATABASE_POOL_MAX: positiveInt.max(200).default(10),
    DATABASE_REPLICA_URL: optionalUrl(['postgres', 'postgresql']),
    DATABASE_REPLICA_STICKY_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    REDIS_URL: optionalUrl(['redis', 'rediss']),
    JOBS_IN_PROCESS: bool.optional(),
    JOB_CONCURRENCY: positiveInt.max(64).default(2),
    S3_BUCKET: z.string().min(3).optional(),
    S3_REGION: z.string().min(1).default('ap-southeast-2'),
    S3_ENDPOINT: z.string().url().optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: bool.default(false),
    SMTP_URL: optionalUrl(['smtp', 'smtps']),
    MAIL_FROM: z.string().min(3).default('Numeri <no-reply@numeri.localhost>'),
    MASTER_KEYS: z.string().optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    UPLOAD_MAX_BYTES: positiveInt.default(20 * 1024 * 1024),
    REQUIRE_2FA: bool.default(false),
    WEB_DIST_DIR: z.string().optional(),
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(15_000),
    WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
    S3_TIMEOUT_MS: positiveInt.max(120_000).default(10_000),
    SMTP_TIMEOUT_MS: positiveInt.max(120_000).default(10_000),
    BREAKER_RESET_MS: positiveInt.max(600_000).default(30_000),
    BACKUP_DIR: z.string().min(1).optional(),
    BACKUP_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes in base64')
      .optional(),
    BACKUP_KEY_FILE: z.string().min(1).optional(),
    BACKUP_RETENTION_DAYS: positiveInt.default(2557),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).optional(),
    OTEL_TRACES_SAMPLER_RATIO: z.coerce.number().min(0).max(1).default(0.1),
  })
  .superRefine((env, ctx) => {
    const s3Keys = [env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
    if (s3Keys.some(Boolean) && !s3Keys.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
      });
    }
    // With a shared database, every replica must hold the same keys: a key file per machine
    // would make each replica unable to read what another wrote.
    if (env.DATABASE_URL) {
      for (const key of ['MASTER_KEYS', 'JWT_SECRET'] as const) {
        if (!env[key]) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'must be set when DATABASE_URL is set (all replicas share it)',
          });
        }
      }
    }
    if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_REPLICA_URL'],
        message: 'needs DATABASE_URL (a replica of which primary?)',
      });
    }
    if (env.JOBS_IN_PROCESS === false && !env.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['JOBS_IN_PROCESS'],
        message: 'can only be false when REDIS_URL is set (jobs need a worker to run them)',
      });
    }
  });

export type Env = z.input<typeof envSchema>;

export interface Config {
  http: { port: number; host: string; publicUrl: string; trustProxy: boolean; corsOrigins: string[] };
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  database:
    | { kind: 'pglite'; dataDir: string }
    | {
        kind: 'postgres';
        url: string;
        poolMax: number;
        /** A streaming replica for list/search/dashboard reads (ADR 0011). */
        replicaUrl?: string | undefined;
        /** After a user's write, their reads stay on the primary this long. */
        replicaStickyMs?: number;
      };
  redisUrl: string | undefined;
  jobs: { inProcess: boolean; concurrency: number };
  storage:
    | { kind: 'local'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint: string | undefined;
        forcePathStyle: boolean;
        credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      };
  mail: { kind: 'outbox'; dir: string; from: string } | { kind: 'smtp'; url: string; from: string };
  keys: { masterKeys: string | undefined; keyDir: string; jwtSecret: string | undefined };
  uploads: { maxBytes: number };
  security: { require2fa: boolean };
  web: { distDir: string };
  shutdownTimeoutMs: number;
  workerPort: number;
  /** Timeouts and circuit breakers around external services (ADR 0012). */
  resilience: { s3TimeoutMs: number; smtpTimeoutMs: number; breakerResetMs: number };
  /** `npm run backup` / `npm run restore` (ADR 0010). */
  backup: { dir: string; key: string | undefined; keyFile: string | undefined; retentionDays: number };
  /** OpenTelemetry traces over OTLP/HTTP, off unless an endpoint is set (observability/tracing.ts). */
  tracing: { endpoint: string | undefined; serviceName: string | undefined; sampleRatio: number };
}

/** The web build beside this package, wherever the process was started from. */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export class ConfigError extends Error {
  constructor(readonly problems: { key: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.key}: ${p.message}`).join('\n')}\n` +
        'See the configuration table in README.md.',
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a typed config, or throws a ConfigError naming every bad key. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // Empty strings mean "unset", as they do for most twelve-factor apps.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        key: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const port = e.PORT;
  return {
    http: {
      port,
      host: e.HOST,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      trustProxy: e.TRUST_PROXY,
      corsOrigins: e.CORS_ORIGINS,
    },
    dataDir,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolMax: e.DATABASE_POOL_MAX,
          ...(e.DATABASE_REPLICA_URL
            ? { replicaUrl: e.DATABASE_REPLICA_URL, replicaStickyMs: e.DATABASE_REPLICA_STICKY_MS }
            : {}),
        }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    redisUrl: e.REDIS_URL,
    jobs: { inProcess: e.JOBS_IN_PROCESS ?? !e.REDIS_URL, concurrency: e.JOB_CONCURRENCY },
    storage: e.S3_BUCKET
      ? {
          kind: 's3',
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          endpoint: e.S3_ENDPOINT,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
          credentials:
            e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
              : undefined,
        }
      : { kind: 'local', dir: path.join(dataDir, 'files') },
    mail: e.SMTP_URL
      ? { kind: 'smtp', url: e.SMTP_URL, from: e.MAIL_FROM }
      : { kind: 'outbox', dir: path.join(dataDir, 'outbox'), from: e.MAIL_FROM },
    keys: { masterKeys: e.MASTER_KEYS, keyDir: path.join(dataDir, 'keys'), jwtSecret: e.JWT_SECRET },
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES },
    security: { require2fa: e.REQUIRE_2FA },
    web: { distDir: e.WEB_DIST_DIR ? path.resolve(cwd, e.WEB_DIST_DIR) : DEFAULT_WEB_DIST_DIR },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    workerPort: e.WORKER_PORT,
    resilience: {
      s3TimeoutMs: e.S3_TIMEOUT_MS,
      smtpTimeoutMs: e.SMTP_TIMEOUT_MS,
      breakerResetMs: e.BREAKER_RESET_MS,
    },
    backup: {
      dir: e.BACKUP_DIR ? path.resolve(cwd, e.BACKUP_DIR) : path.join(dataDir, 'backups'),
      key: e.BACKUP_KEY,
      keyFile: e.BACKUP_KEY_FILE ? path.resolve(cwd, e.BACKUP_KEY_FILE) : undefined,
      retentionDays: e.BACKUP_RETENTION_DAYS,
    },
    tracing: {
      endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: e.OTEL_SERVICE_NAME,
      sampleRatio: e.OTEL_TRACES_SAMPLER_RATIO,
    },
  };
}
