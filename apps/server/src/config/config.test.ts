import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

function problemsOf(env: Record<string, string>) {
  try {
    parseConfig(env, '/srv/numeri');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = parseConfig({}, '/srv/numeri');
    expect(config.http.port).toBe(8080);
    expect(config.http.publicUrl).toBe('http://localhost:8080');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.join('/srv/numeri/data', 'db') });
    expect(config.storage).toEqual({ kind: 'local', dir: '/srv/numeri/data/files' });
    expect(config.mail.kind).toBe('outbox');
    expect(config.redisUrl).toBeUndefined();
    expect(config.jobs.inProcess).toBe(true);
    expect(config.uploads.maxBytes).toBe(20 * 1024 * 1024);
  });

  it('PORT and DATA_DIR move the port and the data folder', () => {
    const config = parseConfig({ PORT: '9090', DATA_DIR: '/var/numeri' }, '/srv/numeri');
    expect(config.http.port).toBe(9090);
    expect(config.http.publicUrl).toBe('http://localhost:9090');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/var/numeri/db' });
  });

  it('switches each adapter to its production implementation from the environment', () => {
    const config = parseConfig(
      {
        DATABASE_URL: 'postgres://app@db:5432/numeri',
        MASTER_KEYS: '1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        JWT_SECRET: 'x'.repeat(40),
        REDIS_URL: 'redis://cache:6379',
        S3_BUCKET: 'numeri-docs',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        SMTP_URL: 'smtp://mail:25',
        CORS_ORIGINS: 'https://a.example.com, https://b.example.com',
      },
      '/srv',
    );
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://app@db:5432/numeri', poolMax: 10 });
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.jobs.inProcess).toBe(false);
    expect(config.storage).toMatchObject({
      kind: 's3',
      bucket: 'numeri-docs',
      credentials: { accessKeyId: 'id' },
    });
    expect(config.mail).toMatchObject({ kind: 'smtp', url: 'smtp://mail:25' });
    expect(config.http.corsOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
  });

  it('names every bad key at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://nope',
      LOG_LEVEL: 'loud',
      UPLOAD_MAX_BYTES: '-5',
      REQUIRE_2FA: 'maybe',
    });
    expect(problems.map((p) => p.key).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'REQUIRE_2FA',
      'UPLOAD_MAX_BYTES',
    ]);
    expect(problems.find((p) => p.key === 'DATABASE_URL')?.message).toMatch(/postgres/);
  });

  it('the error message lists each key on its own line', () => {
    expect(() => parseConfig({ PORT: '99999', JWT_SECRET: 'short' })).toThrowError(
      /PORT:.*\n.*JWT_SECRET: must be at least 32/s,
    );
  });

  it('refuses combinations that cannot work', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://db/numeri' }).map((p) => p.key)).toEqual([
      'MASTER_KEYS',
      'JWT_SECRET',
    ]);
    expect(problemsOf({ JOBS_IN_PROCESS: 'false' }).map((p) => p.key)).toEqual(['JOBS_IN_PROCESS']);
    expect(problemsOf({ S3_BUCKET: 'docs', S3_ACCESS_KEY_ID: 'id' }).map((p) => p.key)).toEqual([
      'S3_SECRET_ACCESS_KEY',
    ]);
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('pglite');
  });
});
