import { http, jobPath } from '../../lib/client';
import { type ApplyPlan, planBody } from './applyPlan';

/** The plan as an AssistantRun manifest (YAML for kubectl apply -f), checked against the dataset by the api. */
export const getPlanManifest = (request: ApplyPlan) =>
  http.file(`${jobPath(request.jobId)}/manifest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(planBody(request)),
    accept: 'application/yaml',
    fallbackName: 'assistantrun.yaml',
  });
