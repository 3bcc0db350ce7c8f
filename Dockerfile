# arxiv-digest on node:24-slim (the active LTS), run as the unprivileged `node` user.
# Build stage: compilers for better-sqlite3, then `npm ci` (which builds dist/ through `prepare`)
# and drop the dev dependencies. The Prisma CLI (51 MB) and TypeScript are build tools, but npm
# keeps them under --omit=dev as optional peers of @prisma/client: --omit=optional drops them
# (the only other optional package is pg-cloudflare, for Cloudflare Workers).
FROM node:24-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY emails ./emails
COPY bin ./bin
# The bundled real feed: `test-send` builds its sample from it before the first fetch.
COPY test/fixtures/example-digest-papers.rss.xml ./test/fixtures/
RUN npm ci && npm prune --omit=dev --omit=optional

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# Owned by node, so a volume mounted here (compose's `outbox`) is writable by the app.
RUN mkdir -p /app/outbox && chown node:node /app/outbox
USER node
EXPOSE 3000
# Node's own fetch: the slim image has no curl. /healthz answers once the database does.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `serve` finishes the messages in flight on SIGTERM (docker stop) and exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "bin/arxiv-digest.js", "serve"]
