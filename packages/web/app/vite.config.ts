import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into ../dist/app, which `webRoot` points at; relative asset paths keep the app portable.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: '../dist/app', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
});
