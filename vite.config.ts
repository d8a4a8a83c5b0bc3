import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/management-api': {
        target: process.env.MANAGEMENT_API_URL ?? 'https://api.1nce.com/management-api',
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/management-api/, ''),
      },
    },
  },
  build: {
    target: 'es2022',
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.js'] },
      },
    ],
  },
});
