# The ModelGate GitHub App (Probot), self-hosted.
#   docker build -t modelgate-app .
#   docker run -p 3000:3000 -e APP_ID=... -e PRIVATE_KEY="$(cat key.pem)" -e WEBHOOK_SECRET=... modelgate-app
# Stateless: run as many replicas as you like behind a load balancer (health check: GET /healthz).

# Build stage: compile TypeScript with the dev dependencies.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY shared ./shared
COPY action ./action
COPY app ./app
RUN npm run build

# Runtime stage: production dependencies and the compiled App only.
FROM node:20-slim
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/build ./build
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The compiled App (npm start would first rebuild it, which needs the dev dependencies).
CMD ["node_modules/.bin/probot", "run", "./build/app/index.js"]
