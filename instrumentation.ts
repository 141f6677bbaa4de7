// Next.js calls register() once when the server starts: the studio starts its worker, which
// also resumes runs that were in flight when the studio last stopped.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startStudioWorker } = await import('./lib/jobs/in-process');
  await startStudioWorker();
}
