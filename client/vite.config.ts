import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './vite-plugins/precompress.ts';
import { spacePage } from './vite-plugins/space-page.ts';

const API_TARGET = process.env.API_URL ?? 'http://127.0.0.1:8787';

// The app shell is precached by a generated service worker so a reload works offline; the
// documents themselves come from IndexedDB. `/api` is never answered by the worker.
export default defineConfig({
  resolve: {
    // `@/` is client/src: features reach shared code without climbing out of their folder.
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by the app itself (src/app/register-service-worker.ts), after the first
      // screen: the precache would otherwise share a phone's bandwidth with the first sync.
      injectRegister: false,
      // The icons are already in globPatterns below; listing them again would precache them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Twofold',
        short_name: 'Twofold',
        description: 'A shared space for two partners rebuilding trust.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#f6f1ea',
        background_color: '#f6f1ea',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-maskable.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // The plugin only sets these itself for injectRegister 'auto'; a new version should take
        // over at once, and the first visit should already be able to reload offline.
        skipWaiting: true,
        clientsClaim: true,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Push and notification-click handlers (client/public/sw-push.js), kept as a small static
        // script so the generated worker and its precaching stay as they are.
        importScripts: ['/sw-push.js'],
      },
    }),
    spacePage(),
    precompress(),
  ],
  server: {
    proxy: {
      '/api': { target: API_TARGET, ws: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The app chunk (React, router, Yjs, zod) is ~180 kB gzipped; the editor is split off.
    chunkSizeWarningLimit: 700,
  },
});
