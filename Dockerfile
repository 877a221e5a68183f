# One image per service: docker build --build-arg APP=ingest -t handoff/ingest .
FROM node:20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP
RUN NX_DAEMON=false npx nx build ${APP} --configuration=production

FROM node:20-bookworm-slim AS runtime
ARG APP
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /workspace/dist/apps/${APP}/package.json ./
COPY --from=build /workspace/package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund
COPY --from=build /workspace/dist/apps/${APP}/ ./
USER node
CMD ["node", "main.js"]
