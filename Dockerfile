# syntax=docker/dockerfile:1
# One image per service, the same Dockerfile for all five and the operator console (README "Images"):
#   docker build --build-arg APP=ingest -t handoff/ingest .
#   docker run handoff/ingest            # serve
#   docker run handoff/ingest migrate    # apply ingest's migrations, exit
#   docker run handoff/ingest topics     # create the missing topics, exit
# The build-stage commands live in scripts/image/, which scripts/image/build-without-docker.sh also runs (npm test).

# Node 24 LTS, Debian bookworm slim, pinned by digest so a rebuild gets the same base (Node 24.18.0 when pinned).
# To move it: docker buildx imagetools inspect node:24-bookworm-slim, then replace the digest here.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
ARG APP
RUN test -n "${APP}" || (echo "set --build-arg APP=<ingest|scoring|routing|quota|delivery|console>" >&2 && exit 1)
RUN sh scripts/image/build-app.sh "${APP}" /out

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY scripts/image/install-runtime-deps.sh /usr/local/lib/handoff/
# The pruned manifest and lockfile first: the dependency layer is reused while only the code changes.
COPY --from=build /out/package.json /out/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm sh /usr/local/lib/handoff/install-runtime-deps.sh /app
COPY --from=build /out/ ./
# Stack traces name the TypeScript sources (main.js.map sits next to main.js). CONSOLE_WEB_DIR is read by the
# console alone: the web app build-app.sh copies beside its main.js (the other services ignore it).
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    CONSOLE_WEB_DIR=/app/console-web
# The image's `node` user, by number so Kubernetes' runAsNonRoot can check it; it owns nothing under /app.
USER 1000:1000
# Node is PID 1 and handles SIGTERM itself (libs/platform/runtime ShutdownOnSignals); commands are arguments.
ENTRYPOINT ["node", "main.js"]
CMD ["serve"]
