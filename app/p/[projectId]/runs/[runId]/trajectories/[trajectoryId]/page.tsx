import type { Metadata } from 'next';
import { ConversationView } from '@/components/runs/conversation-view';

export const metadata: Metadata = { title: 'Conversation' };

export default async function ConversationPage({
  params,
}: {
  params: Promise<{ projectId: string; runId: string; trajectoryId: string }>;
}) {
  const { projectId, runId, trajectoryId } = await params;
  return <ConversationView projectId={projectId} runId={runId} trajectoryId={trajectoryId} />;
}
