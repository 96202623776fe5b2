# syntax=docker/dockerfile:1.7
# Numeri worker: consumes background jobs (OCR, extraction) from Redis. No web bundle.
#   docker build -f deploy/docker/worker.Dockerfile -t numeri-worker .
ARG NODE_IMAGE=node:20.19-bookworm-slim

# 1. Production dependencies only (plus tsx, which runs the TypeScript entrypoints).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/tax-engine/package.json packages/tax-engine/
COPY packages/contracts/package.json packages/contracts/
COPY packages/extract/package.json packages/extract/
RUN npm ci --omit=dev --workspace=@numeri/server --include-workspace-root --no-audit --no-fund \
 && npm install --no-save --omit=dev --no-audit --no-fund tsx@4.23.15 \
 && npm cache clean --force

# 2. Runtime: slim Debian, not root. Also used by the backup CronJob (`npm run backup`), so it
#    carries the PostgreSQL client whose major version matches the server (pg_dump 15).
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 WORKER_PORT=8081 DATA_DIR=/var/lib/numeri LOG_LEVEL=info
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root apps/server ./apps/server
COPY --chown=root:root packages ./packages
RUN mkdir -p /var/lib/numeri && chown node:node /var/lib/numeri
USER node
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_PORT||8081)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "--import", "./apps/server/src/observability/tracing.ts", "apps/server/src/main-worker.ts"]
