import { useCallback, useEffect, useState } from 'react';
import { listConversations, type ChatConversation } from '../../api/chat.ts';
import type { ApiError } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { toApiError } from '../../ui/hooks.ts';

export type ChatAccess =
  | { kind: 'loading' }
  /** Neither signed in nor a verified visitor: the email-code step comes first. */
  | { kind: 'anonymous' }
  | { kind: 'member' | 'visitor'; conversations: ChatConversation[] }
  | { kind: 'error'; error: ApiError };

/** Who may chat in this browser: the signed-in member, a visitor with a verified email (an httpOnly cookie: asking the list tells), or nobody yet. */
export function useChatAccess(): { access: ChatAccess; reload: () => void } {
  const { loading, member } = useSession();
  const [access, setAccess] = useState<ChatAccess>({ kind: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (loading) return;
    let live = true;
    listConversations().then(
      (answer) => {
        if (live) setAccess({ kind: member ? 'member' : 'visitor', conversations: answer.conversations });
      },
      (cause: unknown) => {
        if (!live) return;
        const error = toApiError(cause);
        setAccess(error.status === 401 ? { kind: 'anonymous' } : { kind: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [loading, member, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { access, reload };
}
