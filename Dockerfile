# One image for every paxscreen app; the app to run is chosen by APP (gateway, parser, screening,
# watchlist, dashboard, records, casework, carriers, workbench). Build: docker build -t paxscreen .
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN scripts/build-workbench.sh --force && npx nest build --all && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
COPY --from=build /app/apps/workbench/dist ./apps/workbench/dist
COPY --from=build /app/package.json ./
USER node
ENV APP=gateway
CMD ["sh", "-c", "exec node dist/apps/${APP}/apps/${APP}/src/main.js"]
