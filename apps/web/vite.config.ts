import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Paths the API process owns. The dev server proxies them; the service worker never answers them. */
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/metrics'] as const;
const API_ORIGIN = 'http://127.0.0.1:8080';

const proxy = Object.fromEntries(
  SERVER_PATHS.map((path) => [path, { target: API_ORIGIN, changeOrigin: false }]),
);

const THEME_COLOUR = '#0f766e';
const BACKGROUND_COLOUR = '#f8fafc';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      strategies: 'generateSW',
      // globPatterns below already precaches everything in public/; don't list the icons twice.
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Numeri — Australian tax returns',
        short_name: 'Numeri',
        description:
          'Prepare your Australian individual income tax return: a refund estimate that explains every line.',
        lang: 'en-AU',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOUR,
        background_color: BACKGROUND_COLOUR,
        categories: ['finance', 'productivity'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Precache the built shell (hashed JS/CSS, index.html, icons). Nothing is fetched from a CDN.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        navigateFallback: '/index.html',
        // Server routes are never answered with the app shell, online or offline.
        navigateFallbackDenylist: SERVER_PATHS.map((path) => new RegExp(`^${path}(?:/|$)`)),
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // Never cache API responses: they are personal and must be fresh.
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    target: 'es2022',
    // react-dom + react-router alone are ~450 kB minified (~145 kB gzip); warn only above that.
    chunkSizeWarningLimit: 600,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
});
