import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Where /api goes in `vite` (dev) and `vite preview` (what `npm start` serves): the CMS.
const apiTarget = process.env.PORTAL_API_TARGET ?? 'http://127.0.0.1:1337';
const proxy = { '/api': { target: apiTarget } };
const port = Number(process.env.PORTAL_PORT ?? 5173);

/**
 * The installable app: the web manifest, and a Workbox service worker that precaches the
 * built shell (index.html and every hashed asset) so the portal opens without a network.
 * API calls never go through its cache: they are left to the network, and what the portal
 * shows offline comes from its own IndexedDB cache (src/offline/).
 */
const pwa = VitePWA({
  // a new deploy waits until the user takes it (the banner's reload) or every tab is closed,
  // so a page in use never loses the lazy chunks it was built with
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['icons/mark.svg', 'icons/apple-touch-icon-180.png'],
  manifest: {
    name: '5G 工单平台',
    short_name: '5G工单',
    description: '5G 网络运维工单：现场填单、拍照、离线保存',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#1677ff',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
    // the form's chunk (antd, RJSF) is past Workbox's 2 MiB default, and offline needs it whole
    maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
    // every page of the app is index.html; the API and the CMS's own pages are not
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api\//],
    cleanupOutdatedCaches: true,
  },
});

/** The app build: React with its fast-refresh plugin, routes split into lazy chunks. */
export default defineConfig({
  plugins: [react(), pwa],
  server: { port, strictPort: true, proxy },
  preview: { port, strictPort: true, proxy },
  build: {
    // the e2e test reads the manifest to weigh what the login page loads
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
