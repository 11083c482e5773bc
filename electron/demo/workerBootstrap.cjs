/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap: require is the point */
// Starts the encoder worker from source: a worker thread does not inherit the tsx loader of the
// thread that started it, so this plain CommonJS file registers tsx first (see encodePool.ts).
require('tsx/cjs');
require('./encodeWorker.ts');
