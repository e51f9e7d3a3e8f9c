// A test aid preloaded into a spawned server started with --expose-gc: SIGUSR2 makes it collect its
// garbage, so that a test measures the memory the server retains rather than when V8 collects.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
});
