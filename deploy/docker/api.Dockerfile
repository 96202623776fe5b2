# syntax=docker/dockerfile:1.7
# Numeri API: serves HTTP and the built web app. Build from the repository root:
#   docker build -f deploy/docker/api.Dockerfile -t numeri-api .
ARG NODE_IMAGE=node:20.19-bookworm-slim

# 1. Everything needed to build: all workspaces' dependencies, then the web bundle.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/tax-engine/package.json packages/tax-engine/
COPY packages/contracts/package.json packages/contracts/
COPY packages/extract/package.json packages/extract/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies only (plus tsx, which runs the TypeScript entrypoints).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/tax-engine/package.json packages/tax-engine/
COPY packages/contracts/package.json packages/contracts/
COPY packages/extract/package.json packages/extract/
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm install --no-save --omit=dev --no-audit --no-fund tsx@4.23.15 \
 && npm cache clean --force

# 3. Runtime: slim Debian (glibc for sharp and argon2), no build tools, not root.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/var/lib/numeri LOG_LEVEL=info
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root apps/server ./apps/server
COPY --chown=root:root packages ./packages
COPY --from=build --chown=root:root /src/apps/web/dist ./apps/web/dist
COPY --from=build --chown=root:root /src/apps/web/package.json ./apps/web/package.json
RUN mkdir -p /var/lib/numeri && chown node:node /var/lib/numeri
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "--import", "./apps/server/src/observability/tracing.ts", "apps/server/src/main-api.ts"]
