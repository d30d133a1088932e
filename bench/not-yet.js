// Placeholder until the benchmark issue lands: say so clearly instead of failing obscurely.
console.log('pnpm bench: the benchmark suite is not built yet (see the benchmark issue).');
