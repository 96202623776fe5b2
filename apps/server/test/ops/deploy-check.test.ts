import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeploy, findKustomize } from '../../../../deploy/check/check-deploy';
import { REPO_ROOT } from '../support/spawn-server';

/**
 * The deploy/ checks (npm run deploy:check, run by .ci/run) pass on the real tree and catch
 * deliberate mistakes in a broken copy: a schema error, a missing probe, an inlined secret, a
 * root container, a missing API replica, an alert on a metric that does not exist.
 */
const DEPLOY = path.join(REPO_ROOT, 'deploy');
const render = await findKustomize();
if (!render)
  console.warn(
    '[deploy-check] no kubectl/kustomize: Kubernetes rendering is checked in .ci/run, which installs one',
  );

describe('deploy/ static checks', () => {
  let broken: string;
  beforeAll(async () => {
    broken = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-deploy-'));
    await fs.cp(DEPLOY, broken, { recursive: true });
  });
  afterAll(async () => {
    if (broken) await fs.rm(broken, { recursive: true, force: true });
  });

  it.skipIf(!render)(
    'passes on the committed manifests',
    async () => {
      const report = await checkDeploy(DEPLOY);
      expect(report.problems).toEqual([]);
      expect(report.checked).toContain('k8s/overlays/production: 17 objects');
    },
    60_000,
  );

  it.skipIf(!render)(
    'fails on a deliberately broken copy, naming each mistake',
    async () => {
      const edit = async (file: string, from: string | RegExp, to: string) => {
        const full = path.join(broken, file);
        const text = await fs.readFile(full, 'utf8');
        const next = text.replace(from, to);
        expect(next, `${file} edit`).not.toBe(text);
        await fs.writeFile(full, next);
      };
      // A type error the schema catches (a port must be an integer).
      await edit(
        'k8s/base/api-deployment.yaml',
        '{ name: http, containerPort: 8080, protocol: TCP }',
        '{ name: http, containerPort: "eighty", protocol: TCP }',
      );
      // A typo that drops a probe.
      await edit('k8s/base/worker-deployment.yaml', 'readinessProbe:', 'readinesProbe:');
      // A secret inlined instead of referenced.
      await edit(
        'k8s/base/api-deployment.yaml',
        /- name: JWT_SECRET\n\s+valueFrom: \{ secretKeyRef: \{ name: numeri-secrets, key: JWT_SECRET \} \}/,
        '- name: JWT_SECRET\n              value: not-so-secret-not-so-secret-not-so',
      );
      // An HPA aimed at a Deployment that does not exist.
      await edit('k8s/base/worker-hpa.yaml', 'name: numeri-worker }', 'name: numeri-workers }');
      // A container running as root.
      await edit('docker/worker.Dockerfile', 'USER node', 'USER root');
      // One API replica instead of two.
      await edit('compose.yaml', '  api-2: *api\n', '');
      // An alert on a metric nobody exports.
      await edit(
        'monitoring/alert-rules.yaml',
        'max(numeri_job_queue_oldest_waiting_seconds)',
        'max(numeri_job_queue_oldest_seconds)',
      );

      const { problems } = await checkDeploy(broken);
      const text = problems.join('\n');
      expect(text).toMatch(
        /Deployment\/numeri-api does not match the Kubernetes schema: .*containerPort must be integer/,
      );
      expect(text).toMatch(/Deployment\/numeri-worker container worker: needs a readinessProbe/);
      expect(text).toMatch(/container api: JWT_SECRET is inlined/);
      expect(text).toMatch(
        /HorizontalPodAutoscaler\/numeri-worker: scales Deployment\/numeri-workers, which does not exist/,
      );
      expect(text).toMatch(/worker.Dockerfile: the final stage must switch to a non-root USER/);
      expect(text).toMatch(/compose.yaml: no service api-2/);
      expect(text).toMatch(
        /NumeriJobQueueBacklog uses numeri_job_queue_oldest_seconds, which Numeri does not export/,
      );
    },
    60_000,
  );

  it('rejects a kustomization that does not render', async () => {
    const report = await checkDeploy(DEPLOY, {
      render: async () => {
        throw Object.assign(new Error('render failed'), {
          stderr: "accumulating resources: 'missing.yaml' not found",
        });
      },
    });
    expect(report.problems).toContain(
      "k8s/base: kustomize failed: accumulating resources: 'missing.yaml' not found",
    );
  });
});
