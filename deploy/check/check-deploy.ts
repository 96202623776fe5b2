/**
 * `npm run deploy:check`: static checks of everything under deploy/, offline (ADR 0013).
 *
 * - Kubernetes: each kustomization is rendered (`kubectl kustomize`, or a standalone `kustomize`),
 *   every object is validated against the Kubernetes OpenAPI schemas shipped in the npm package
 *   `kubernetes-models` (compiled validators, no download), and Numeri's policies are checked:
 *   probes, requests and limits, non-root, secrets referenced never inlined, HPA/PDB/Service/
 *   Ingress pointing at things that exist, TLS on the ingress, a NetworkPolicy, a backup CronJob.
 * - Dockerfiles: parsed and validated by `dockerfile-utils` (the VS Code Docker linter), plus:
 *   multi-stage, a non-root USER and a HEALTHCHECK in the final stage, pinned base images.
 * - Compose: parsed; required services, healthchecks, dependencies that exist, no literal secrets.
 * - Prometheus rules and the Grafana dashboard: parsed; every metric they name exists in the app's
 *   registry (or is a well-known kube-state-metrics / Prometheus series).
 *
 * Exit code 0 when clean, 1 with one line per problem.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { createMetrics } from '../../apps/server/src/observability/metrics';

const run = promisify(execFile);

type Obj = Record<string, unknown>;
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Obj;
} & Obj;

export interface CheckReport {
  problems: string[];
  /** What was checked, for the log. */
  checked: string[];
}

const SECRET_ENV =
  /(PASSWORD|SECRET|MASTER_KEYS|JWT|TOKEN|DATABASE_URL|REDIS_URL|SMTP_URL|BACKUP_KEY|ACCESS_KEY)/;

/** The first kustomize renderer on this machine, or undefined. */
export async function findKustomize(): Promise<((dir: string) => Promise<string>) | undefined> {
  for (const [bin, args] of [
    ['kubectl', ['kustomize']],
    ['kustomize', ['build']],
  ] as const) {
    try {
      await run(bin, bin === 'kubectl' ? ['version', '--client'] : ['version'], { timeout: 20_000 });
      return async (dir) =>
        (await run(bin, [...args, dir], { maxBuffer: 32 * 1024 * 1024, timeout: 60_000 })).stdout;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

async function modelFor(
  apiVersion: string,
  kind: string,
): Promise<(new (data: Obj) => { validate(): void }) | undefined> {
  const modulePath = apiVersion.includes('/')
    ? `kubernetes-models/${apiVersion}`
    : `kubernetes-models/${apiVersion}`;
  try {
    const mod = (await import(modulePath)) as Record<string, unknown>;
    return mod[kind] as (new (data: Obj) => { validate(): void }) | undefined;
  } catch {
    return undefined;
  }
}

const get = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), value);

function podSpecOf(object: K8sObject): Obj | undefined {
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(object.kind))
    return get(object, 'spec', 'template', 'spec') as Obj;
  if (object.kind === 'CronJob') return get(object, 'spec', 'jobTemplate', 'spec', 'template', 'spec') as Obj;
  return undefined;
}

function matches(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector || !Object.keys(selector).length) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Validates rendered Kubernetes objects against the schemas and Numeri's policies. */
export async function checkKubernetesObjects(where: string, objects: K8sObject[]): Promise<string[]> {
  const problems: string[] = [];
  const at = (o: K8sObject) => `${where}: ${o.kind}/${o.metadata?.name}`;
  for (const object of objects) {
    const Model = await modelFor(object.apiVersion, object.kind);
    if (!Model) {
      problems.push(`${where}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (err) {
      problems.push(`${at(object)} does not match the Kubernetes schema: ${(err as Error).message}`);
    }
    if (object.kind === 'Secret' && (object.data || object.stringData)) {
      problems.push(`${at(object)}: secrets must be referenced, not committed (create them out of band)`);
    }
    const pod = podSpecOf(object);
    if (pod) {
      if (get(pod, 'securityContext', 'runAsNonRoot') !== true)
        problems.push(`${at(object)}: pod must set securityContext.runAsNonRoot: true`);
      const containers = [...((pod.containers as Obj[]) ?? []), ...((pod.initContainers as Obj[]) ?? [])];
      for (const container of containers) {
        const name = `${at(object)} container ${String(container.name)}`;
        for (const kind of ['requests', 'limits'] as const) {
          const resources = get(container, 'resources', kind) as Obj | undefined;
          if (!resources?.cpu || !resources?.memory)
            problems.push(`${name}: resources.${kind} needs cpu and memory`);
        }
        if (get(container, 'securityContext', 'allowPrivilegeEscalation') !== false)
          problems.push(`${name}: set securityContext.allowPrivilegeEscalation: false`);
        const image = String(container.image ?? '');
        if (!image.includes(':') && !image.includes('@')) problems.push(`${name}: image ${image} has no tag`);
        for (const env of (container.env as Obj[]) ?? []) {
          if (SECRET_ENV.test(String(env.name)) && env.value !== undefined) {
            problems.push(
              `${name}: ${String(env.name)} is inlined; reference a Secret with valueFrom.secretKeyRef`,
            );
          }
        }
      }
      if (object.kind === 'Deployment') {
        for (const container of (pod.containers as Obj[]) ?? []) {
          for (const probe of ['livenessProbe', 'readinessProbe'] as const) {
            if (!container[probe])
              problems.push(`${at(object)} container ${String(container.name)}: needs a ${probe}`);
          }
        }
      }
    }
  }

  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = byKind('Deployment');
  const podLabels = (o: K8sObject) =>
    get(o, 'spec', 'template', 'metadata', 'labels') as Record<string, string> | undefined;
  for (const name of ['numeri-api', 'numeri-worker']) {
    if (!deployments.some((d) => d.metadata.name === name)) problems.push(`${where}: no Deployment ${name}`);
  }
  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const target = get(hpa, 'spec', 'scaleTargetRef') as { kind?: string; name?: string } | undefined;
    if (!objects.some((o) => o.kind === target?.kind && o.metadata.name === target?.name))
      problems.push(`${at(hpa)}: scales ${target?.kind}/${target?.name}, which does not exist`);
  }
  for (const name of ['numeri-api', 'numeri-worker']) {
    if (!byKind('HorizontalPodAutoscaler').some((h) => get(h, 'spec', 'scaleTargetRef', 'name') === name))
      problems.push(`${where}: no HorizontalPodAutoscaler for ${name}`);
  }
  for (const pdb of byKind('PodDisruptionBudget')) {
    const selector = get(pdb, 'spec', 'selector', 'matchLabels') as Record<string, string> | undefined;
    if (!deployments.some((d) => matches(selector, podLabels(d))))
      problems.push(`${at(pdb)}: selects no Deployment's pods`);
  }
  if (
    !byKind('PodDisruptionBudget').some((p) =>
      matches(
        get(p, 'spec', 'selector', 'matchLabels') as Record<string, string>,
        podLabels(deployments.find((d) => d.metadata.name === 'numeri-api') ?? ({} as K8sObject)),
      ),
    )
  ) {
    problems.push(`${where}: no PodDisruptionBudget for numeri-api`);
  }
  const services = byKind('Service');
  for (const service of services) {
    const selector = get(service, 'spec', 'selector') as Record<string, string> | undefined;
    if (!deployments.some((d) => matches(selector, podLabels(d))))
      problems.push(`${at(service)}: selects no Deployment's pods`);
  }
  const ingresses = byKind('Ingress');
  if (!ingresses.length) problems.push(`${where}: no Ingress`);
  for (const ingress of ingresses) {
    if (!(get(ingress, 'spec', 'tls') as unknown[] | undefined)?.length)
      problems.push(`${at(ingress)}: needs TLS`);
    for (const rule of (get(ingress, 'spec', 'rules') as Obj[]) ?? []) {
      for (const p of (get(rule, 'http', 'paths') as Obj[]) ?? []) {
        const backend = get(p, 'backend', 'service', 'name');
        if (!services.some((s) => s.metadata.name === backend))
          problems.push(`${at(ingress)}: backend service ${String(backend)} does not exist`);
      }
    }
  }
  if (!byKind('NetworkPolicy').length) problems.push(`${where}: no NetworkPolicy`);
  const templates = objects.flatMap((o) => {
    if (o.kind === 'CronJob')
      return [
        get(o, 'spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels') as Record<string, string>,
      ];
    return podSpecOf(o) ? [get(o, 'spec', 'template', 'metadata', 'labels') as Record<string, string>] : [];
  });
  for (const policy of byKind('NetworkPolicy')) {
    const selector = get(policy, 'spec', 'podSelector', 'matchLabels') as Record<string, string> | undefined;
    if (selector && Object.keys(selector).length && !templates.some((labels) => matches(selector, labels))) {
      problems.push(`${at(policy)}: its podSelector matches no pod template (labels not on the pods?)`);
    }
  }
  if (!byKind('CronJob').some((c) => c.metadata.name === 'numeri-backup'))
    problems.push(`${where}: no backup CronJob`);
  if (!byKind('Namespace').length) problems.push(`${where}: no Namespace`);
  return problems;
}

/** Lints one Dockerfile: dockerfile-utils diagnostics plus Numeri's rules. */
export function checkDockerfile(where: string, content: string): string[] {
  const problems: string[] = [];
  for (const diagnostic of validateDockerfile(content)) {
    if (diagnostic.severity === 1)
      problems.push(`${where}:${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  }
  const lines = content
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const fromIndexes = lines.flatMap((l, i) => (/^FROM\s/i.test(l) ? [i] : []));
  if (fromIndexes.length < 2) problems.push(`${where}: must be a multi-stage build (at least two FROM)`);
  const finalStage = lines.slice(fromIndexes.at(-1) ?? 0);
  const user = finalStage.filter((l) => /^USER\s/i.test(l)).at(-1);
  if (!user || /^USER\s+(root|0)(\s|:|$)/i.test(user))
    problems.push(`${where}: the final stage must switch to a non-root USER`);
  if (!finalStage.some((l) => /^HEALTHCHECK\s+/i.test(l) && !/NONE/i.test(l)))
    problems.push(`${where}: the final stage needs a HEALTHCHECK`);
  const args = new Map(
    lines
      .filter((l) => /^ARG\s/i.test(l))
      .map((l) => l.replace(/^ARG\s+/i, '').split('=') as [string, string]),
  );
  for (const i of fromIndexes) {
    let image = lines[i]!.split(/\s+/)[1] ?? '';
    image = image.replace(/^\$\{?(\w+)\}?$/, (_m, name: string) => args.get(name) ?? image);
    const stageNames = lines.filter((l) => /^FROM\s.+\sAS\s/i.test(l)).map((l) => l.split(/\s+/).at(-1));
    if (!stageNames.includes(image) && !/[:@]/.test(image))
      problems.push(`${where}: base image ${image} is not pinned to a tag`);
    if (/:latest$/.test(image)) problems.push(`${where}: base image ${image} uses :latest`);
  }
  return problems;
}

const REQUIRED_COMPOSE_SERVICES = [
  'postgres',
  'redis',
  'minio',
  'mailpit',
  'api-1',
  'api-2',
  'worker',
  'proxy',
];

/** Parses the compose file and checks the production-like stack is all there. */
export async function checkCompose(file: string): Promise<string[]> {
  const problems: string[] = [];
  const where = path.basename(file);
  let doc: Obj;
  try {
    doc = parseYaml(await fs.readFile(file, 'utf8'), { merge: true }) as Obj;
  } catch (err) {
    return [`${where}: not valid YAML: ${(err as Error).message}`];
  }
  const services = (doc.services ?? {}) as Record<string, Obj>;
  for (const name of REQUIRED_COMPOSE_SERVICES)
    if (!services[name]) problems.push(`${where}: no service ${name}`);
  for (const [name, service] of Object.entries(services)) {
    if (!service.image && !service.build)
      problems.push(`${where}: service ${name} has neither image nor build`);
    const deps = Array.isArray(service.depends_on)
      ? (service.depends_on as string[])
      : Object.keys((service.depends_on as Obj) ?? {});
    for (const dep of deps)
      if (!services[dep]) problems.push(`${where}: service ${name} depends on ${dep}, which does not exist`);
    const env = (service.environment ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(Array.isArray(env) ? {} : env)) {
      if (
        SECRET_ENV.test(key) &&
        typeof value === 'string' &&
        !value.includes('${') &&
        !/^(redis|smtp):\/\/[a-z0-9-]+:\d+$/.test(value)
      ) {
        problems.push(`${where}: service ${name} inlines ${key}; take it from deploy/.env (\${${key}})`);
      }
    }
    for (const volume of (service.volumes as unknown[]) ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0]! : '';
      if (source.startsWith('.')) {
        try {
          await fs.access(path.resolve(path.dirname(file), source));
        } catch {
          problems.push(`${where}: service ${name} mounts ${source}, which does not exist`);
        }
      }
    }
  }
  for (const name of ['postgres', 'redis', 'api-1', 'api-2', 'worker']) {
    if (services[name] && !services[name].healthcheck)
      problems.push(`${where}: service ${name} needs a healthcheck`);
  }
  for (const name of ['api-1', 'api-2', 'worker']) {
    const env = (services[name]?.environment ?? {}) as Obj;
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'S3_BUCKET', 'SMTP_URL', 'MASTER_KEYS', 'JWT_SECRET']) {
      if (services[name] && !(key in env)) problems.push(`${where}: service ${name} lacks ${key}`);
    }
  }
  return problems;
}

/** Metric names the app registers (histograms with their _bucket/_count/_sum series). */
export async function knownMetricNames(): Promise<Set<string>> {
  const metrics = createMetrics();
  const names = new Set<string>();
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(metric.name + suffix);
  }
  return names;
}

const EXTERNAL_METRICS = new Set(['up', 'kube_cronjob_status_last_successful_time']);

function unknownMetrics(expr: string, known: Set<string>): string[] {
  const referenced = expr.match(/\b(numeri_[a-z0-9_]+|kube_[a-z0-9_]+|up)\b(?=\s*[{[)\s]|$)/g) ?? [];
  return [...new Set(referenced)].filter((name) => !known.has(name) && !EXTERNAL_METRICS.has(name));
}

const REQUIRED_ALERTS = [
  'NumeriHighErrorRate',
  'NumeriHighLatencyP99',
  'NumeriJobQueueBacklog',
  'NumeriJobFailures',
  'NumeriBackupTooOld',
];

export async function checkMonitoring(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const known = await knownMetricNames();
  const rulesFile = path.join(dir, 'alert-rules.yaml');
  const rules = parseYaml(await fs.readFile(rulesFile, 'utf8')) as {
    groups?: { name: string; rules: Obj[] }[];
  };
  const alerts = (rules.groups ?? []).flatMap((g) => g.rules ?? []);
  for (const name of REQUIRED_ALERTS)
    if (!alerts.some((a) => a.alert === name)) problems.push(`alert-rules.yaml: no alert ${name}`);
  for (const alert of alerts) {
    const name = String(alert.alert ?? alert.record);
    if (typeof alert.expr !== 'string' || !alert.expr.trim())
      problems.push(`alert-rules.yaml: ${name} has no expr`);
    if (alert.alert && !alert.for) problems.push(`alert-rules.yaml: ${name} has no 'for'`);
    if (alert.alert && !get(alert, 'labels', 'severity'))
      problems.push(`alert-rules.yaml: ${name} has no severity label`);
    if (alert.alert && !get(alert, 'annotations', 'summary'))
      problems.push(`alert-rules.yaml: ${name} has no summary`);
    for (const metric of unknownMetrics(String(alert.expr ?? ''), known))
      problems.push(`alert-rules.yaml: ${name} uses ${metric}, which Numeri does not export`);
  }
  const dashboardFile = path.join(dir, 'grafana-dashboard.json');
  let dashboard: {
    uid?: string;
    title?: string;
    panels?: { title?: string; targets?: { expr?: string }[] }[];
  };
  try {
    dashboard = JSON.parse(await fs.readFile(dashboardFile, 'utf8'));
  } catch (err) {
    return [...problems, `grafana-dashboard.json: not valid JSON: ${(err as Error).message}`];
  }
  if (!dashboard.uid || !dashboard.title) problems.push('grafana-dashboard.json: needs uid and title');
  for (const panel of dashboard.panels ?? []) {
    for (const target of panel.targets ?? []) {
      for (const metric of unknownMetrics(target.expr ?? '', known))
        problems.push(
          `grafana-dashboard.json: panel "${panel.title}" uses ${metric}, which Numeri does not export`,
        );
    }
  }
  return problems;
}

/** Every check over a deploy/ folder. */
export async function checkDeploy(
  deployDir: string,
  options: { render?: (dir: string) => Promise<string> } = {},
): Promise<CheckReport> {
  const problems: string[] = [];
  const checked: string[] = [];
  const render = options.render ?? (await findKustomize());
  const kustomizations = ['k8s/base', 'k8s/overlays/production'];
  if (!render) {
    problems.push(
      'no kustomize renderer: install kubectl (or Debian kubernetes-client) to render deploy/k8s',
    );
  } else {
    for (const dir of kustomizations) {
      let output: string;
      try {
        output = await render(path.join(deployDir, dir));
      } catch (err) {
        problems.push(
          `${dir}: kustomize failed: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`,
        );
        continue;
      }
      const objects: K8sObject[] = [];
      for (const document of parseAllDocuments(output)) {
        if (document.errors.length)
          problems.push(`${dir}: rendered YAML does not parse: ${document.errors[0]!.message}`);
        const value = document.toJS() as K8sObject | null;
        if (value) objects.push(value);
      }
      problems.push(...(await checkKubernetesObjects(dir, objects)));
      checked.push(`${dir}: ${objects.length} objects`);
    }
  }
  for (const name of ['api.Dockerfile', 'worker.Dockerfile']) {
    problems.push(
      ...checkDockerfile(`docker/${name}`, await fs.readFile(path.join(deployDir, 'docker', name), 'utf8')),
    );
    checked.push(`docker/${name}`);
  }
  problems.push(...(await checkCompose(path.join(deployDir, 'compose.yaml'))));
  checked.push('compose.yaml');
  problems.push(...(await checkMonitoring(path.join(deployDir, 'monitoring'))));
  checked.push('monitoring/alert-rules.yaml', 'monitoring/grafana-dashboard.json');
  return { problems, checked };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const report = await checkDeploy(deployDir);
  for (const line of report.checked) console.log(`checked ${line}`);
  if (report.problems.length) {
    for (const problem of report.problems) console.error(`✗ ${problem}`);
    console.error(`${report.problems.length} problem(s) in deploy/`);
    process.exit(1);
  }
  console.log('deploy/: Kubernetes (schemas and policies), Dockerfiles, compose and monitoring all pass');
}
