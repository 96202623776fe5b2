import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = path.resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    artifactsDir: string;
  }
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app was not ready within ${timeoutMs} ms`);
}

/** Starts the app exactly as `npm start` does, on a free port with a fresh data folder. */
export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-e2e-'));
  const artifactsDir = path.join(ROOT, 'e2e/artifacts', new Date().toISOString().replace(/[:.]/g, '-'));
  await fs.mkdir(artifactsDir, { recursive: true });
  const port = 18_000 + Math.floor(Math.random() * 2_000);
  const baseUrl = `http://localhost:${port}`;
  const log = await fs.open(path.join(artifactsDir, 'server.log'), 'w');
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', log.fd, log.fd],
  });
  await waitForReady(baseUrl, child, 180_000);
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('artifactsDir', artifactsDir);
  console.log(`\nE2E screenshots and server log: ${artifactsDir}\n`);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await log.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
