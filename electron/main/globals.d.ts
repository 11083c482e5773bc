// Defined by @electron-forge/plugin-vite at build time (see forge.config.ts: renderer name main_window).
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
