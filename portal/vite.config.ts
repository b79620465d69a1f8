import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Where /api goes in `vite` (dev) and `vite preview` (what `npm start` serves): the CMS.
const apiTarget = process.env.PORTAL_API_TARGET ?? 'http://127.0.0.1:1337';
const proxy = { '/api': { target: apiTarget } };
const port = Number(process.env.PORTAL_PORT ?? 5173);

/** The app build: React with its fast-refresh plugin, routes split into lazy chunks. */
export default defineConfig({
  plugins: [react()],
  server: { port, strictPort: true, proxy },
  preview: { port, strictPort: true, proxy },
  build: {
    // the e2e test reads the manifest to weigh what the login page loads
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
