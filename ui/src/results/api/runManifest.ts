import { http, jobPath } from '../../lib/client';

/** A run's plan as an AssistantRun manifest, to run it again on a cluster. */
export const getRunManifest = (jobId: string, runId: string) =>
  http.file(`${jobPath(jobId)}/runs/${encodeURIComponent(runId)}/manifest`, {
    accept: 'application/yaml',
    fallbackName: 'assistantrun.yaml',
  });
