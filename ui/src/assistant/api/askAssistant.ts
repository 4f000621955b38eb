import { useMutation } from '@tanstack/react-query';
import type { PlanStep } from '../../generated/plan';
import { http, timeouts } from '../../lib/client';
import type { MutationConfig } from '../../lib/mutation';
import type { AssistantTurn, PlanProposal } from '../../lib/types';

/** What the assistant is asked: the request, the consent to send rows, and for a follow-up the plan and turns. */
export interface AssistantRequest {
  job_id: string;
  prompt: string;
  consent_send_sample: boolean;
  sample_size: number;
  plan?: PlanStep[];
  turns?: AssistantTurn[];
}

/** POST /assistant: a plan proposed for the request; it may call a language model, so it may take long. */
export const askAssistant = (request: AssistantRequest) =>
  http.post<PlanProposal>('/api/v1/assistant', request, { timeout: timeouts.assistant, what: 'The assistant' });

/** Asks the assistant; the answer changes nothing on the server, so nothing is asked again. */
export const useAskAssistant = (config: MutationConfig<PlanProposal, AssistantRequest> = {}) =>
  useMutation({ ...config, mutationFn: askAssistant });
