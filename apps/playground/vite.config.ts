import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the gateway at /playground (see apps/server/src/http/static-site.ts): hashed assets
// under /playground/assets/ are cached forever, index.html never.
export default defineConfig({
  base: '/playground/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything ships in the bundle: no CDN, so the page works offline.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
