import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the gateway at /playground (see apps/server/src/http/static-site.ts): hashed assets
// under /playground/assets/ are cached forever, index.html never.
export default defineConfig({
  base: '/playground/',
  plugins: [react()],
  // `pnpm --filter @quarry/playground dev`: hot reload against a gateway on :4000 (`pnpm start`).
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything ships in the bundle: no CDN, so the page works offline.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
